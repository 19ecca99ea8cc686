using System.Text.Json.Nodes;

namespace CustomerPulseBot.TestKit.Teams;

/// <summary>One recorded call: method, path after the serviceUrl (unescaped by ASP.NET Core), Authorization header and body.</summary>
public sealed record ConnectorCall(string Method, string Path, string Authorization, string Body)
{
    public JsonObject Json => JsonNode.Parse(Body) as JsonObject ?? throw new InvalidOperationException("The body is not a JSON object");

    /// <summary>The Adaptive Card the activity carries, if any.</summary>
    public JsonObject? Card => Json["attachments"]?[0]?["content"] as JsonObject ?? Json["activity"]?["attachments"]?[0]?["content"] as JsonObject;
}
