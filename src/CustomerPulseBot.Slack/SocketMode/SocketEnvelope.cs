using System.Text.Json;

namespace CustomerPulseBot.Slack.SocketMode;

/// <summary>One Socket Mode frame (reference section 9): hello, disconnect, or a delivery to acknowledge by envelope id.</summary>
internal sealed record SocketEnvelope
{
    public string Type { get; init; } = "";

    public string? EnvelopeId { get; init; }

    public string? Reason { get; init; }

    public JsonElement Payload { get; init; }

    public bool AcceptsResponsePayload { get; init; }
}
