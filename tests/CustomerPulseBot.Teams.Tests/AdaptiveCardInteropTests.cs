using CustomerPulseBot.Teams.AdaptiveCards;
using CustomerPulseBot.TestKit;

namespace CustomerPulseBot.Teams.Tests;

// Every sample card passes the official Adaptive Cards JavaScript library (the renderer the playground
// uses), and typed markup shows as typed when that library draws the cards in a browser.
public sealed class AdaptiveCardInteropTests(CardValidator validator) : IClassFixture<CardValidator>
{
    [Theory]
    [MemberData(nameof(CardSamples.AllNames), MemberType = typeof(CardSamples))]
    public async Task PassesTheAdaptiveCardsLibrary_WithNoErrorsOrWarnings(string sample)
    {
        var results = await validator.ResultsAsync;

        var problems = results[sample];

        Assert.Empty(problems.Errors);
        Assert.Empty(problems.Warnings);
    }

    [Theory]
    [MemberData(nameof(CardSamples.FormNames), MemberType = typeof(CardSamples))]
    public async Task PassesTheAdaptiveCardsLibrary_WhenTheFormIsShownInADialog(string sample)
    {
        var results = await validator.ResultsAsync;

        var problems = results[CardValidator.Dialog(sample)];

        Assert.Empty(problems.Errors);
        Assert.Empty(problems.Warnings);
    }

    [Fact]
    public async Task ShowsTypedMarkupAsTyped_WhenABrowserDrawsTheCardsWithMarkdownOn()
    {
        // The control puts the same text in a TextBlock: it must come out bold and linked, or the check proves nothing.
        var control = CardJson.Serialize(new AdaptiveCard([new TextBlock(CardSamples.Markup)]));
        var cards = CardSamples.WithMarkup.Values.Select(AdaptiveCardRenderer.RenderJson).Prepend(control);

        var seen = await InteropScript.RunAsync<List<SeenCard>>("render-cards.mjs", "[" + string.Join(",", cards) + "]", "playwright-core");

        Assert.Equal(1, seen[0].Bold);
        Assert.Contains("https://evil.example", seen[0].Links);
        Assert.Equal(CardSamples.WithMarkup.Count, seen.Count - 1);
        Assert.All(seen.Skip(1), card =>
        {
            Assert.Contains(CardSamples.Markup, card.Text, StringComparison.Ordinal);
            Assert.Equal(0, card.Bold);
            Assert.DoesNotContain("https://evil.example", card.Links);
        });
    }

    private sealed record SeenCard(string Text, IReadOnlyList<string> Links, int Bold);
}
