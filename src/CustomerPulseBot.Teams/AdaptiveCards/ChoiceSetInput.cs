namespace CustomerPulseBot.Teams.AdaptiveCards;

/// <summary>A drop-down (the default "compact" style); <see cref="Value"/> must be one of the choices' values.</summary>
internal sealed record ChoiceSetInput(string Id, string Label, IReadOnlyList<Choice> Choices) : CardInput(Id, Label)
{
    public string? Value { get; init; }

    public string? Placeholder { get; init; }
}
