using System.Net;

namespace CustomerPulseBot.Teams.Connector;

// A Connector call that failed for good; Code is the error code from the body (BotNotInConversationRoster, ...).
internal sealed class BotConnectorException(string operation, HttpStatusCode status, string? code)
    : Exception($"Connector {operation} failed with {(int)status} {code}")
{
    public HttpStatusCode Status { get; } = status;

    public string? Code { get; } = code;
}
