using System.Text.Json.Serialization;

namespace CustomerPulseBot.Teams.AdaptiveCards;

// An input; its Id is the key its value is sent under. Every input has a label: the
// adaptivecards library warns about a required input without one, and screen readers need it.
internal abstract record CardInput(
    [property: JsonPropertyOrder(-2)] string Id,
    [property: JsonPropertyOrder(-1)] string Label) : CardElement
{
    public bool? IsRequired { get; init; }

    // Shown by the client when its own check (required, length) fails, before anything is sent.
    public string? ErrorMessage { get; init; }
}
