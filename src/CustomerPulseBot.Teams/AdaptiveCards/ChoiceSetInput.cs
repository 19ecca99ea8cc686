namespace CustomerPulseBot.Teams.AdaptiveCards;

// A drop-down (the default "compact" style); Value must be one of the choices' values.
internal sealed record ChoiceSetInput(string Id, string Label, IReadOnlyList<Choice> Choices) : CardInput(Id, Label)
{
    public string? Value { get; init; }

    public string? Placeholder { get; init; }
}
