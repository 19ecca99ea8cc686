namespace CustomerPulseBot.Slack.BlockKit;

/// <summary>Text going into Slack: the one escape for user text, and cutting to Slack's limits.</summary>
internal static class SlackText
{
    /// <summary>
    /// Makes text nobody on our side wrote inert in mrkdwn: with &amp;, &lt; and &gt; escaped (in that order,
    /// reference section 6) Slack reads no <c>&lt;!channel&gt;</c>, <c>&lt;@U…&gt;</c> or <c>&lt;url|label&gt;</c> in it.
    /// Formatting marks (*, _, ~, `) are left as typed: user text always sits in a block or line of its own and
    /// is never wrapped in our own marks, so a stray mark can only style the person's own words.
    /// </summary>
    public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Incoming message text arrives with the same three characters escaped; a verbatim quote is stored as typed.</summary>
    public static string Unescape(string text) => text.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&");

    /// <summary>Each line of user text as a mrkdwn block quote.</summary>
    public static string Quote(string text) =>
        string.Join("\n", Escape(text.Trim()).Split('\n').Select(line => "&gt; " + line));

    /// <summary>
    /// Cuts text to <paramref name="max"/> characters, saying how much was left out; never inside an
    /// escape entity or a surrogate pair, so the cut text is still valid.
    /// </summary>
    public static string Clip(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        // Room for "… and 1,234,567 more characters", whatever the count turns out to be.
        var cut = max - 40;
        var entity = text.LastIndexOf('&', cut - 1, Math.Min(cut, 6));
        if (entity >= 0 && text.IndexOf(';', entity, cut - entity) < 0)
        {
            cut = entity;
        }

        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + $"… and {text.Length - cut:N0} more characters";
    }

    /// <summary>Plain-text limits (header, button) where the count of what is left out does not fit.</summary>
    public static string Shorten(string text, int max) =>
        text.Length <= max ? text : text[..(char.IsHighSurrogate(text[max - 2]) ? max - 2 : max - 1)] + "…";
}
