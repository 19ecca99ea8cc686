using System.Text.Json.Nodes;

namespace CustomerPulseBot.Slack.Api;

/// <summary>One page of a channel's history, newest message first; <paramref name="NextCursor"/> is null on the last page.</summary>
internal sealed record HistoryPage(IReadOnlyList<JsonObject> Messages, string? NextCursor);
