namespace CustomerPulseBot.Teams.AdaptiveCards;

/// <summary>
/// An input; its <paramref name="Id"/> is the key its value is sent under. Every input has a label: the
/// adaptivecards library warns about a required input without one, and screen readers need it.
/// </summary>
internal abstract record CardInput(string Id, string Label) : CardElement
{
    public bool? IsRequired { get; init; }

    /// <summary>Shown by the client when its own check (required, length) fails, before anything is sent.</summary>
    public string? ErrorMessage { get; init; }
}
