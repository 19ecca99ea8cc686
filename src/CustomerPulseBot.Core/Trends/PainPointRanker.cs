using CustomerPulseBot.Core.Views;

namespace CustomerPulseBot.Core.Trends;

/// <summary>
/// Orders themes for "top pain points". Recurring friction outranks the loudest single voice, so the
/// score is led by how many distinct customers raised a theme and on how many days, then by severity,
/// then by the trend against the previous equal period.
/// </summary>
public static class PainPointRanker
{
    private const double CustomerWeight = 3.0;
    private const double DayWeight = 1.5;
    private const double SeverityWeight = 1.0;

    public static IReadOnlyList<ScoredTheme> Rank(IReadOnlyList<ThemeStats> current, IReadOnlyList<ThemeStats> previous)
    {
        var before = previous.Where(s => s.Theme is not null).ToDictionary(s => s.Theme!, s => s.Signals); // filtered to named themes
        return current
            .Where(s => s.Theme is not null && s.Signals > 0)
            .Select(s =>
            {
                var previousSignals = before.GetValueOrDefault(s.Theme!);
                var trend = TrendOf(s.Signals, previousSignals);
                return new ScoredTheme(s, previousSignals, trend, Score(s, trend));
            })
            .OrderByDescending(t => t.Score)
            .ThenByDescending(t => t.Stats.Signals)
            .ThenBy(t => t.Stats.Theme, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// New when it had no signal before; rising or falling only on a change of at least a quarter and at
    /// least two signals, so one extra quote in a quiet week is not called a trend.
    /// </summary>
    public static TrendDirection TrendOf(int signals, int previousSignals)
    {
        if (previousSignals == 0)
        {
            return signals > 0 ? TrendDirection.New : TrendDirection.Steady;
        }

        var change = signals - previousSignals;
        if (change >= 2 && signals >= previousSignals * 1.25)
        {
            return TrendDirection.Rising;
        }

        return -change >= 2 && signals <= previousSignals * 0.75 ? TrendDirection.Falling : TrendDirection.Steady;
    }

    /// <summary>Signals with no customer named count as one more voice together, not one each.</summary>
    public static int Reach(ThemeStats stats) => stats.Customers + (stats.Anonymous > 0 ? 1 : 0);

    private static double Score(ThemeStats stats, TrendDirection trend) =>
        CustomerWeight * Reach(stats)
        + DayWeight * stats.Days
        + SeverityWeight * stats.AverageSeverity
        + trend switch
        {
            TrendDirection.Rising => 2.0,
            TrendDirection.New => 1.0,
            TrendDirection.Falling => -1.0,
            _ => 0.0,
        };
}
