namespace CustomerPulseBot.Teams.AdaptiveCards;

internal enum FontType
{
    Default,
    Monospace,
}
