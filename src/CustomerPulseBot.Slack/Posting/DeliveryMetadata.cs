using System.Globalization;
using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Digests;

namespace CustomerPulseBot.Slack.Posting;

/// <summary>
/// The message metadata that names the delivery a scheduled post makes, so a retry whose earlier attempt may have
/// posted can find that post in the channel's history instead of posting it again.
/// </summary>
internal static class DeliveryMetadata
{
    public const string EventType = "pulse_delivery";

    public static JsonObject Of(DeliveryTag tag) => new()
    {
        ["event_type"] = EventType,
        ["event_payload"] = new JsonObject { ["key"] = tag.Key, ["until"] = Until(tag) },
    };

    /// <summary>Whether a message's metadata names this delivery; other apps' metadata, of any shape, does not.</summary>
    public static bool Names(JsonNode? metadata, DeliveryTag tag) =>
        Text(metadata?["event_type"]) == EventType
        && Text(metadata?["event_payload"]?["key"]) == tag.Key
        && Text(metadata?["event_payload"]?["until"]) == Until(tag);

    private static string Until(DeliveryTag tag) => tag.Until.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
