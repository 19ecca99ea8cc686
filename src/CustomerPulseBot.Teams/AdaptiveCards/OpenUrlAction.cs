namespace CustomerPulseBot.Teams.AdaptiveCards;

internal sealed record OpenUrlAction(string Title, string Url) : CardAction(Title);
