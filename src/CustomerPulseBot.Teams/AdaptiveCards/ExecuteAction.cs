namespace CustomerPulseBot.Teams.AdaptiveCards;

/// <summary>
/// A Universal Action: Teams sends an <c>adaptiveCard/action</c> invoke with <paramref name="Verb"/> and
/// <see cref="Data"/> merged with the card's inputs; clients without Universal Actions treat it as
/// Action.Submit and send the same merged data as a message value.
/// </summary>
internal sealed record ExecuteAction(string Title, string Verb) : CardAction(Title)
{
    public IReadOnlyDictionary<string, string>? Data { get; init; }
}
