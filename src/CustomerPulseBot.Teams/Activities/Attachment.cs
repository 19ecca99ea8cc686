using System.Text.Json.Nodes;

namespace CustomerPulseBot.Teams.Activities;

internal sealed record Attachment(string ContentType, JsonNode? Content)
{
    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";
}
