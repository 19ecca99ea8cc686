namespace CustomerPulseBot.Teams.AdaptiveCards;

internal enum TextColor
{
    Default,
    Dark,
    Light,
    Accent,
    Good,
    Warning,
    Attention,
}
