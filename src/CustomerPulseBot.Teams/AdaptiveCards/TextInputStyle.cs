namespace CustomerPulseBot.Teams.AdaptiveCards;

internal enum TextInputStyle
{
    Text,
    Tel,
    Url,
    Email,
}
