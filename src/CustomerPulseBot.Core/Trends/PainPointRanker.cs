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

    /// <summary>A theme is new when nobody raised it in this many days before the period.</summary>
    public const int NewAfterDays = 90;

    /// <summary>
    /// <paramref name="earlier"/> holds the themes of the <see cref="NewAfterDays"/> days before the period, which
    /// decide whether a theme is new (see <see cref="TrendOf"/>).
    /// </summary>
    public static IReadOnlyList<ScoredTheme> Rank(
        IReadOnlyList<ThemeStats> current, IReadOnlyList<ThemeStats> previous, IReadOnlyList<ThemeStats> earlier)
    {
        var before = previous.Where(s => s.Theme is not null).ToDictionary(s => s.Theme!, s => s.Signals); // filtered to named themes
        var heard = Heard(earlier);
        return current
            .Where(s => s.Theme is not null && s.Signals > 0)
            .Select(s =>
            {
                var previousSignals = before.GetValueOrDefault(s.Theme!);
                var trend = TrendOf(s.Signals, previousSignals, heard.Contains(s.Theme!));
                return new ScoredTheme(s, previousSignals, trend, Score(s, trend));
            })
            .OrderByDescending(t => t.Score)
            .ThenByDescending(t => t.Stats.Signals)
            .ThenBy(t => t.Stats.Theme, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// New when it had no signal in the previous period nor in the <see cref="NewAfterDays"/> days before this one
    /// (<paramref name="heardEarlier"/>): a theme back after a quiet spell is rising, not new. Rising or falling
    /// only on a change of at least a quarter and at least two signals, so one extra quote in a quiet week is not
    /// called a trend.
    /// </summary>
    public static TrendDirection TrendOf(int signals, int previousSignals, bool heardEarlier)
    {
        if (previousSignals == 0 && !heardEarlier)
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

    /// <summary>
    /// The distinct named customers: signals with no customer named add no voice, since "unnamed customer" may be
    /// one person or many and counting it as one would give a theme a customer nobody can name.
    /// </summary>
    public static int Reach(ThemeStats stats) => stats.Customers;

    /// <summary>The named themes with any signal in <paramref name="stats"/>.</summary>
    internal static IReadOnlySet<string> Heard(IReadOnlyList<ThemeStats> stats) =>
        stats.Where(s => s.Theme is not null && s.Signals > 0).Select(s => s.Theme!).ToHashSet(); // filtered to named themes

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
