namespace CustomerPulseBot.Teams.AdaptiveCards;

// Buttons inside the body, next to what they act on ("All 9 quotes" under a ranked theme).
internal sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement;
