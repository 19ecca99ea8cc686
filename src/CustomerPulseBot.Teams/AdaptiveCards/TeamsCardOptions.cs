namespace CustomerPulseBot.Teams.AdaptiveCards;

// The card root's msteams extension: without width: "Full" Teams draws cards narrow.
internal sealed record TeamsCardOptions(string Width)
{
    public static readonly TeamsCardOptions FullWidth = new("Full");
}
