namespace CustomerPulseBot.Teams.AdaptiveCards;

internal enum Spacing
{
    None,
    Small,
    Default,
    Medium,
    Large,
    ExtraLarge,
    Padding,
}
