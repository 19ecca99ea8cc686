namespace CustomerPulseBot.Teams.AdaptiveCards;

// A date picker; clients send and accept the value as yyyy-MM-dd.
internal sealed record DateInput(string Id, string Label) : CardInput(Id, Label)
{
    public string? Value { get; init; }
}
