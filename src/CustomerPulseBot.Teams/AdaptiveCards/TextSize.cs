namespace CustomerPulseBot.Teams.AdaptiveCards;

internal enum TextSize
{
    Small,
    Default,
    Medium,
    Large,
    ExtraLarge,
}
