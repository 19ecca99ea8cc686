using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CustomerPulseBot.Core.Views;

namespace CustomerPulseBot.Teams.Tests;

// What holds for every card: version and width, a layout for every view, inert markup, the size limit.
public sealed class AdaptiveCardRendererTests
{
    private static readonly string[] MarkdownSigns = ["**", "](", "<at>", "_x_"];

    [Theory]
    [MemberData(nameof(CardSamples.AllNames), MemberType = typeof(CardSamples))]
    public void TargetsVersion15AtFullWidth_ForEveryView(string sample)
    {
        var card = RenderedCard.Of(CardSamples.All[sample]);

        Assert.Equal("AdaptiveCard", (string?)card.Root["type"]);
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", (string?)card.Root["$schema"]);
        Assert.Equal("1.5", (string?)card.Root["version"]);
        Assert.Equal("Full", (string?)card.Root["msteams"]?["width"]);
    }

    [Fact]
    public void RendersEveryConcreteViewTypeInCore()
    {
        var viewTypes = typeof(View).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(View)) && !t.IsAbstract).ToList();

        var withoutCard = viewTypes
            .Where(t => !CardSamples.All.Values.Any(v => v.GetType() == t && AdaptiveCardRenderer.Render(v).Body.Count > 0))
            .Select(t => t.Name);

        Assert.Contains(typeof(PainPointsView), viewTypes);
        Assert.Empty(withoutCard);
    }

    [Fact]
    public void Throws_WhenAViewHasNoLayout()
    {
        var view = new UnknownView();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => AdaptiveCardRenderer.Render(view));

        Assert.Contains(nameof(UnknownView), error.Message);
    }

    [Theory]
    [MemberData(nameof(CardSamples.MarkupNames), MemberType = typeof(CardSamples))]
    public void ShowsTypedMarkupAsPlainText_WhereverItLands(string sample)
    {
        var card = RenderedCard.Of(CardSamples.WithMarkup[sample]);

        var markdownTexts = card.OfType("TextBlock").Select(t => (string?)t["text"])
            .Concat(card.Objects.SelectMany(o => new[] { "label", "placeholder", "errorMessage", "title" }.Select(p => o[p] is JsonValue v ? (string?)v : null)))
            .OfType<string>()
            .ToList();
        Assert.DoesNotContain(markdownTexts, text => MarkdownSigns.Any(text.Contains));
        Assert.Contains(card.RunTexts, text => text.Contains(CardSamples.Markup, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CardSamples.HugeNames), MemberType = typeof(CardSamples))]
    public void StaysUnder28000Bytes_WhenTheViewHoldsFarTooMuch(string sample)
    {
        var json = AdaptiveCardRenderer.RenderJson(CardSamples.Huge[sample]);

        Assert.InRange(Encoding.UTF8.GetByteCount(json), 1, 28_000);
        Assert.InRange(Encoding.Unicode.GetByteCount(json), 1, 28_000);
    }

    [Theory]
    [MemberData(nameof(CardSamples.HugeNames), MemberType = typeof(CardSamples))]
    public void UsesMostOfTheRoom_WhenCuttingDown(string sample)
    {
        var json = AdaptiveCardRenderer.RenderJson(CardSamples.Huge[sample]);

        Assert.InRange(Encoding.Unicode.GetByteCount(json), 20_000, 28_000);
    }

    [Fact]
    public void SaysHowManyThemesAreLeftOut_WhenTheRankingIsCutDown()
    {
        var view = (PainPointsView)CardSamples.Huge["huge: pain points"];

        var card = RenderedCard.Of(view);

        var shown = card.Lines.Count(l => Regex.IsMatch(l, @"^\d+\. #theme-\d+ · "));
        var more = Assert.Single(card.Lines, l => l.StartsWith("and ", StringComparison.Ordinal));
        Assert.InRange(shown, 1, view.Themes.Count - 1);
        Assert.Equal($"and {view.Themes.Count + view.MoreThemes - shown} more themes", more);
    }

    [Fact]
    public void SaysHowManyQuotesAreLeftOut_WhenSearchResultsAreCutDown()
    {
        var view = (SearchResultsView)CardSamples.Huge["huge: search"];

        var card = RenderedCard.Of(view);

        var shown = card.RunTexts.Count(t => t.StartsWith('“'));
        Assert.InRange(shown, 1, view.Signals.Count - 1);
        Assert.Contains($"and {view.Total - shown:N0} more", card.Lines);
    }

    [Fact]
    public void KeepsTheStartOfTheText_WhenAnOriginalTextIsTooLongToCarry()
    {
        var view = (CaptureRejectedView)CardSamples.Huge["huge: rejected"];

        var card = RenderedCard.Of(view);

        var carried = card.OfType("TextRun").Single(r => (string?)r["fontType"] == "Monospace")["text"]!.GetValue<string>();
        Assert.EndsWith("…", carried);
        Assert.StartsWith(carried[..^1], view.OriginalText, StringComparison.Ordinal);
        Assert.True(carried.Length > 5_000, $"only {carried.Length} characters were carried back");
    }

    private sealed record UnknownView : View;
}
