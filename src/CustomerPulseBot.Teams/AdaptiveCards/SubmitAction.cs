namespace CustomerPulseBot.Teams.AdaptiveCards;

// Sends Data merged with the card's inputs: as a message value in a conversation, as the submit of a dialog.
internal sealed record SubmitAction(string Title) : CardAction(Title)
{
    public IReadOnlyDictionary<string, string>? Data { get; init; }
}
