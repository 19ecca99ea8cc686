namespace CustomerPulseBot.Teams.AdaptiveCards;

internal enum TextWeight
{
    Lighter,
    Default,
    Bolder,
}
