using System.Text.Json;

namespace CustomerPulseBot.Slack.Payloads;

internal static class SlackJson
{
    /// <summary>
    /// Slack's wire names are snake_case; unknown fields are ignored (we model only what we read). A payload is read
    /// as its types say: an explicit null where a value must be (<c>"user": null</c>, <c>"actions": null</c>) or a
    /// missing constructor value fails to parse, so it is refused as malformed (400) instead of failing later.
    /// Nulls inside lists and maps are not covered by this; the payloads check those themselves.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>Refuses a list or map that holds a null, which the options above cannot see.</summary>
    public static void RefuseNulls<T>(IEnumerable<T?> items, string what)
    {
        if (items.Any(i => i is null))
        {
            throw new JsonException($"A null in {what}");
        }
    }
}
