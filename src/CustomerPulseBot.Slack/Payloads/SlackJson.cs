using System.Text.Json;

namespace CustomerPulseBot.Slack.Payloads;

internal static class SlackJson
{
    /// <summary>Slack's wire names are snake_case; unknown fields are ignored (we model only what we read).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
