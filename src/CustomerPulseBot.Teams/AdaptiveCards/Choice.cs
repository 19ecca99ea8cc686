namespace CustomerPulseBot.Teams.AdaptiveCards;

internal sealed record Choice(string Title, string Value);
