using CustomerPulseBot.Core.Trends;

namespace CustomerPulseBot.Core.Tests.Trends;

public sealed class TrendCalculatorTests
{
    private static ThemeStats Stats(string? theme, int signals, int customers) => new(theme, signals, customers, 0, 1, 2, 2);

    [Fact]
    public void SplitsThemesIntoNewRisingAndFalling_WhenComparingTwoPeriods()
    {
        var current = new[] { Stats("brand-new", 2, 2), Stats("rising", 9, 5), Stats("falling", 1, 1), Stats("steady", 4, 2), Stats(null, 7, 3) };
        var previous = new[] { Stats("rising", 3, 2), Stats("falling", 6, 4), Stats("steady", 4, 3), Stats("gone", 5, 2), Stats(null, 1, 1) };

        var (added, rising, falling) = TrendCalculator.Compare(current, previous, previous);

        Assert.Equal([new("brand-new", 2, 0, 2, 0)], added);
        Assert.Equal([new("rising", 9, 3, 5, 2)], rising);
        Assert.Equal(["falling", "gone"], falling.Select(t => t.Theme));
        Assert.Equal(new Views.ThemeTrend("gone", 0, 5, 0, 2), falling[1]);
    }

    [Fact]
    public void CallsAThemeNew_OnlyWhenUnheardInThe90DaysBeforeThePeriod()
    {
        var current = new[] { Stats("brand-new", 2, 2), Stats("back-after-a-month", 3, 2), Stats("back-once", 1, 1) };
        var earlier = new[] { Stats("back-after-a-month", 4, 3), Stats("back-once", 1, 1), Stats(null, 9, 0) };

        var (added, rising, falling) = TrendCalculator.Compare(current, [], earlier);

        Assert.Equal(["brand-new"], added.Select(t => t.Theme));
        Assert.Equal([new("back-after-a-month", 3, 0, 2, 0)], rising);
        Assert.Empty(falling);
    }

    [Fact]
    public void OrdersByBiggestChange_WhenSeveralThemesRise()
    {
        var current = new[] { Stats("a", 5, 1), Stats("b", 20, 1), Stats("c", 8, 1) };
        var previous = new[] { Stats("a", 2, 1), Stats("b", 2, 1), Stats("c", 2, 1) };

        var (_, rising, _) = TrendCalculator.Compare(current, previous, previous);

        Assert.Equal(["b", "c", "a"], rising.Select(t => t.Theme));
    }

    [Fact]
    public void ReportsNothing_WhenBothPeriodsAreEmpty()
    {
        var (added, rising, falling) = TrendCalculator.Compare([], [], []);

        Assert.Empty(added);
        Assert.Empty(rising);
        Assert.Empty(falling);
    }
}
