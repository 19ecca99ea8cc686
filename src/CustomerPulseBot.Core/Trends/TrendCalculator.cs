using CustomerPulseBot.Core.Views;

namespace CustomerPulseBot.Core.Trends;

/// <summary>Splits themes into new, rising and falling between two equal periods (see <see cref="PainPointRanker.TrendOf"/>).</summary>
public static class TrendCalculator
{
    /// <summary>
    /// <paramref name="earlier"/> holds the themes of the <see cref="PainPointRanker.NewAfterDays"/> days before the
    /// period: a theme heard there is not new, however quiet the previous period was.
    /// </summary>
    public static (IReadOnlyList<ThemeTrend> New, IReadOnlyList<ThemeTrend> Rising, IReadOnlyList<ThemeTrend> Falling) Compare(
        IReadOnlyList<ThemeStats> current, IReadOnlyList<ThemeStats> previous, IReadOnlyList<ThemeStats> earlier)
    {
        var now = current.Where(s => s.Theme is not null).ToDictionary(s => s.Theme!); // filtered to named themes
        var before = previous.Where(s => s.Theme is not null).ToDictionary(s => s.Theme!);
        var heard = PainPointRanker.Heard(earlier);
        var trends = now.Keys.Union(before.Keys)
            .Select(theme =>
            {
                var a = now.GetValueOrDefault(theme);
                var b = before.GetValueOrDefault(theme);
                var trend = new ThemeTrend(theme, a?.Signals ?? 0, b?.Signals ?? 0, a?.Customers ?? 0, b?.Customers ?? 0);
                return (Trend: trend, Direction: PainPointRanker.TrendOf(trend.Signals, trend.PreviousSignals, heard.Contains(theme)));
            })
            .ToList();

        return (Pick(trends, TrendDirection.New), Pick(trends, TrendDirection.Rising), Pick(trends, TrendDirection.Falling));
    }

    /// <summary>Biggest change first; ties by distinct customers, then by name for a stable order.</summary>
    private static List<ThemeTrend> Pick(List<(ThemeTrend Trend, TrendDirection Direction)> trends, TrendDirection direction) =>
        trends.Where(t => t.Direction == direction)
            .Select(t => t.Trend)
            .OrderByDescending(t => Math.Abs(t.Signals - t.PreviousSignals))
            .ThenByDescending(t => Math.Max(t.Customers, t.PreviousCustomers))
            .ThenBy(t => t.Theme, StringComparer.Ordinal)
            .ToList();
}
