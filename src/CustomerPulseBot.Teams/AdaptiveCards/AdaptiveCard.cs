using System.Text.Json.Serialization;

namespace CustomerPulseBot.Teams.AdaptiveCards;

// The root of a card. Every card we send is version 1.5 (the highest Teams renders for bot messages, and
// the lowest with Action.Execute and heading styles) and full width in Teams (teams-bot-framework.md, section 6).
internal sealed record AdaptiveCard(IReadOnlyList<CardElement> Body, IReadOnlyList<CardAction>? Actions = null)
{
    public const string SchemaVersion = "1.5";

    [JsonPropertyOrder(-3)]
    public string Type => "AdaptiveCard";

    [JsonPropertyOrder(-2)]
    [JsonPropertyName("$schema")]
    public string Schema => "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyOrder(-1)]
    public string Version => SchemaVersion;

    public TeamsCardOptions Msteams { get; } = TeamsCardOptions.FullWidth;
}
