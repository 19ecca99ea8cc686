namespace CustomerPulseBot.Teams.Tests;

public sealed class CardTextTests
{
    [Theory]
    [InlineData("**bold** [click](https://evil.example)")]
    [InlineData("<at>Everyone</at> please look")]
    [InlineData("_italic_ and *star*")]
    [InlineData("- not a list\n1. not numbered\n# not a heading")]
    [InlineData("<b>not html</b> &amp; 3 < 4 > 2")]
    [InlineData("back\\slash \\*kept\\*")]
    [InlineData("${customer.name} stays a template-looking text")]
    public void KeepsTextAsTyped_WhenItLooksLikeMarkup(string typed)
    {
        var run = CardText.Run(typed);

        Assert.Equal(typed, run.Text);
    }

    [Theory]
    [InlineData("{{DATE(2026-11-03T09:00:00Z, SHORT)}}", "{\u2060{DATE(2026-11-03T09:00:00Z, SHORT)}}")]
    [InlineData("at {{TIME(2026-11-03T09:00:00Z)}} sharp", "at {\u2060{TIME(2026-11-03T09:00:00Z)}} sharp")]
    [InlineData("{{{DATE(2026-11-03T09:00:00Z)}}", "{\u2060{\u2060{DATE(2026-11-03T09:00:00Z)}}")]
    [InlineData("{ {single} }", "{ {single} }")]
    public void BreaksDateAndTimeFunctions_WithAnInvisibleJoiner(string typed, string expected)
    {
        var run = CardText.Run(typed);

        Assert.Equal(expected, run.Text);
    }

    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("exactly10!", 10, "exactly10!")]
    [InlineData("eleven char", 10, "eleven cha…")]
    [InlineData("abc", 0, "…")]
    [InlineData("ab😀cd", 3, "ab…")]
    [InlineData("ab😀cd", 4, "ab😀…")]
    public void ShortensWithAnEllipsis_WithoutSplittingACharacter(string text, int length, string expected)
    {
        var shortened = CardText.Shorten(text, length);

        Assert.Equal(expected, shortened);
    }
}
