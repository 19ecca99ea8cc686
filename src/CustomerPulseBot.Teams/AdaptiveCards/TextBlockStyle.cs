namespace CustomerPulseBot.Teams.AdaptiveCards;

internal enum TextBlockStyle
{
    Default,
    Heading,
}
