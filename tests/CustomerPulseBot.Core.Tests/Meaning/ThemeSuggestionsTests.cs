using CustomerPulseBot.Core.Meaning;

namespace CustomerPulseBot.Core.Tests.Meaning;

public sealed class ThemeSuggestionsTests
{
    [Fact]
    public void TakesEveryExample_WhenThereAreFewerThanTheCap()
    {
        var byTheme = new Dictionary<string, List<int>> { ["billing"] = [4, 1], ["sso"] = [3] };

        Assert.Equal([("billing", 4), ("sso", 3), ("billing", 1)], ThemeSuggestions.Examples(byTheme));
    }

    [Fact]
    public void TakesThemesInTurnNewestFirst_AndKeepsTheSmallThemesWhole_WhenAnImportMadeOneThemeHuge()
    {
        var huge = Enumerable.Range(0, 100_000).ToList();
        var byTheme = new Dictionary<string, List<int>> { ["exports"] = huge, ["sso"] = [100_001, 100_002], ["billing"] = [100_003] };

        var examples = ThemeSuggestions.Examples(byTheme).ToList();

        Assert.Equal(ThemeSuggestions.MaxExamples, examples.Count);
        Assert.Equal([100_003], examples.Where(e => e.Theme == "billing").Select(e => e.Row));
        Assert.Equal([100_001, 100_002], examples.Where(e => e.Theme == "sso").Select(e => e.Row));
        Assert.Equal(huge.Take(ThemeSuggestions.MaxExamples - 3), examples.Where(e => e.Theme == "exports").Select(e => e.Row));
    }
}
