using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Views;

namespace CustomerPulseBot.Core.Tests.Trends;

public sealed class PainPointRankerTests
{
    private static ThemeStats Stats(string? theme, int signals, int customers, int days = 1, double severity = 2, int anonymous = 0) =>
        new(theme, signals, customers, anonymous, days, severity, (int)Math.Ceiling(severity));

    [Fact]
    public void RanksManyCustomersAboveOneLoudCustomer_WhenSignalCountsAreEqual()
    {
        var current = new[]
        {
            Stats("loud-single-account", signals: 8, customers: 1, days: 1, severity: 4),
            Stats("recurring-friction", signals: 8, customers: 6, days: 4, severity: 2),
        };

        var ranked = PainPointRanker.Rank(current, [], []);

        Assert.Equal(["recurring-friction", "loud-single-account"], ranked.Select(r => r.Stats.Theme));
    }

    [Fact]
    public void RanksRecurrenceAcrossDaysFirst_WhenCustomersAreEqual()
    {
        var current = new[]
        {
            Stats("one-bad-day", signals: 5, customers: 3, days: 1),
            Stats("every-day", signals: 5, customers: 3, days: 5),
        };

        var ranked = PainPointRanker.Rank(current, [], []);

        Assert.Equal("every-day", ranked[0].Stats.Theme);
    }

    [Fact]
    public void LeavesUntaggedOutOfTheRanking_WhenStatsHaveANullTheme()
    {
        var current = new[] { Stats(null, 9, 9), Stats("sso-setup", 1, 1) };

        var ranked = PainPointRanker.Rank(current, [], []);

        Assert.Equal(["sso-setup"], ranked.Select(r => r.Stats.Theme));
    }

    [Fact]
    public void RanksRisingThemeFirst_WhenOtherwiseEqual()
    {
        var current = new[] { Stats("steady", 6, 3, 3), Stats("rising", 6, 3, 3) };
        var previous = new[] { Stats("steady", 6, 3, 3), Stats("rising", 2, 2, 2) };

        var ranked = PainPointRanker.Rank(current, previous, previous);

        Assert.Equal(["rising", "steady"], ranked.Select(r => r.Stats.Theme));
        Assert.Equal(TrendDirection.Rising, ranked[0].Trend);
        Assert.Equal(2, ranked[0].PreviousSignals);
    }

    [Fact]
    public void CountsNamedCustomersOnly_WhenSomeSignalsNameNoCustomer()
    {
        Assert.Equal(2, PainPointRanker.Reach(Stats("x", 10, 2, anonymous: 8)));
        Assert.Equal(0, PainPointRanker.Reach(Stats("x", 5, 0, anonymous: 5)));
    }

    [Fact]
    public void RanksANamedCustomerAboveUnnamedOnes_WhenOtherwiseEqual()
    {
        var current = new[]
        {
            Stats("unnamed-voices", signals: 3, customers: 0, days: 2, anonymous: 3),
            Stats("one-named-customer", signals: 3, customers: 1),
        };

        var ranked = PainPointRanker.Rank(current, [], []);

        Assert.Equal(["one-named-customer", "unnamed-voices"], ranked.Select(r => r.Stats.Theme));
    }

    [Fact]
    public void CallsAThemeRisingNotNew_WhenItWasHeardInThe90DaysBeforeThePreviousPeriod()
    {
        var current = new[] { Stats("back-again", 3, 2), Stats("never-heard", 3, 2) };
        var earlier = new[] { Stats("back-again", 1, 1) };

        var ranked = PainPointRanker.Rank(current, [], earlier);

        Assert.Equal(
            [("back-again", TrendDirection.Rising), ("never-heard", TrendDirection.New)],
            ranked.Select(r => (r.Stats.Theme!, r.Trend)).OrderBy(t => t.Item1));
    }

    [Theory]
    [InlineData(3, 0, false, TrendDirection.New)]
    [InlineData(1, 0, false, TrendDirection.New)]
    [InlineData(3, 0, true, TrendDirection.Rising)]
    [InlineData(1, 0, true, TrendDirection.Steady)]
    [InlineData(0, 0, false, TrendDirection.Steady)]
    [InlineData(0, 0, true, TrendDirection.Steady)]
    [InlineData(5, 3, true, TrendDirection.Rising)]
    [InlineData(4, 3, true, TrendDirection.Steady)]
    [InlineData(12, 10, true, TrendDirection.Steady)]
    [InlineData(13, 10, true, TrendDirection.Rising)]
    [InlineData(1, 3, true, TrendDirection.Falling)]
    [InlineData(2, 3, true, TrendDirection.Steady)]
    [InlineData(0, 2, true, TrendDirection.Falling)]
    [InlineData(0, 1, true, TrendDirection.Steady)]
    public void CallsTrend_NewOnlyWhenUnheardIn90Days_OtherwiseByChangeOfAtLeastAQuarterAndTwoSignals(
        int signals, int previous, bool heardEarlier, TrendDirection expected)
    {
        Assert.Equal(expected, PainPointRanker.TrendOf(signals, previous, heardEarlier));
    }
}
