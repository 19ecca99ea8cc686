namespace CustomerPulseBot.Teams.AdaptiveCards;

/// <summary>The card root's <c>msteams</c> extension: without <c>width: "Full"</c> Teams draws cards narrow.</summary>
internal sealed record TeamsCardOptions(string Width)
{
    public static readonly TeamsCardOptions FullWidth = new("Full");
}
