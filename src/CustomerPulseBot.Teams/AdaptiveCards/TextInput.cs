namespace CustomerPulseBot.Teams.AdaptiveCards;

internal sealed record TextInput(string Id, string Label) : CardInput(Id, Label)
{
    public string? Value { get; init; }

    public string? Placeholder { get; init; }

    public bool? IsMultiline { get; init; }

    public int? MaxLength { get; init; }

    public TextInputStyle? Style { get; init; }
}
