namespace CustomerPulseBot.Teams.AdaptiveCards;

// A Universal Action: Teams sends an adaptiveCard/action invoke with Verb and
// Data merged with the card's inputs; clients without Universal Actions treat it as
// Action.Submit and send the same merged data as a message value.
internal sealed record ExecuteAction(string Title, string Verb) : CardAction(Title)
{
    public IReadOnlyDictionary<string, string>? Data { get; init; }
}
