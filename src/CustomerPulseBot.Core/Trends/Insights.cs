using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Customers;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Trends;

/// <summary>
/// The answers leaders read, for a resolved period: asked in chat, or sent in a brief or digest. Filters come
/// with their topic resolved (<see cref="TopicResolver"/>): a topic still set is words the signals must match. Without
/// <paramref name="customers"/> (a host with no customer store) rankings show no revenue.
/// </summary>
public sealed class Insights(IPulseStore store, ICustomerStore? customers = null)
{
    public const int TopThemes = 5;
    public const int QuotesPerTheme = 3;

    /// <summary>The before/after comparison of a shipped theme spans at most this many days each side.</summary>
    public const int ShippedCompareDays = 14;

    /// <summary>
    /// Themes ranked by reach, recurrence, severity and trend, each with its most telling quotes; untagged friction
    /// counted. <paramref name="count"/> is how many themes to show (<see cref="TopThemes"/> when null); the
    /// view's scope names the period's days in <paramref name="zone"/>. Every theme shows the revenue of the customers
    /// behind it where known; <paramref name="byRevenue"/> ranks by that revenue first, then by the usual score.
    /// </summary>
    public async Task<PainPointsView> TopAsync(
        WorkspaceId workspace, PeriodWindow window, QueryFilters filters, int? count, TimeZoneInfo zone, bool byRevenue, CancellationToken ct)
    {
        var friction = SignalFilter.Friction(window.Current, filters);
        var (current, previous, total) = await store.GetPeriodThemeStatsAsync(workspace, friction, window.Previous, ct);
        var earlier = await EarlierAsync(workspace, window, filters, current, previous, ct);
        var revenue = customers is null
            ? new Dictionary<string, ThemeRevenue>()
            : (await customers.GetThemeRevenueAsync(workspace, friction, ct)).Where(r => r.Theme is not null).ToDictionary(r => r.Theme!); // named themes only
        var scored = PainPointRanker.Rank(current, previous, earlier);
        var ranked = byRevenue
            ? scored.OrderByDescending(t => revenue.GetValueOrDefault(t.Stats.Theme!)?.Revenue ?? 0m).ToList() // stable: ties keep the score's order
            : scored;
        var shown = ranked.Take(count ?? TopThemes).ToList();
        var untagged = current.FirstOrDefault(s => s.Theme is null);

        var wanted = shown.Select(t => t.Stats.Theme).Append(null).ToList();
        var quotes = await store.GetTellingSignalsAsync(workspace, friction, wanted, QuotesPerTheme, ct);
        var statuses = (await store.GetThemesAsync(workspace, ct)).ToDictionary(t => t.Name, t => t.Status);

        var rows = shown.Select((t, i) => new RankedTheme(
                i + 1,
                t.Stats.Theme!, // the ranker returns named themes only
                statuses.GetValueOrDefault(t.Stats.Theme!),
                t.Stats.Signals,
                PainPointRanker.Reach(t.Stats),
                t.Stats.Days,
                (Severity)t.Stats.MaxSeverity,
                t.PreviousSignals,
                t.Trend,
                quotes.Where(q => q.Themes.Contains(t.Stats.Theme!)).Take(QuotesPerTheme).ToList(),
                revenue.GetValueOrDefault(t.Stats.Theme!)?.Revenue,
                revenue.GetValueOrDefault(t.Stats.Theme!)?.Customers ?? 0))
            .ToList();
        var untaggedView = untagged is null
            ? UntaggedSignals.None
            : new UntaggedSignals(untagged.Signals, PainPointRanker.Reach(untagged),
                quotes.Where(q => q.Themes.Count == 0).Take(QuotesPerTheme).ToList());

        // The ranking reads friction; the scope names those kinds, so "all N quotes" lists exactly the N counted.
        var scope = QueryScope.Between(window.Current, zone, filters with { Kinds = filters.Kinds ?? SignalFilter.FrictionKinds });
        return new PainPointsView(
            window.Label, filters, rows, ranked.Count - rows.Count, untaggedView, total, window.Dates, window.Comparison, scope, byRevenue);
    }

    /// <summary>
    /// New, rising and falling themes against the previous period of equal length; new means unheard in the
    /// <see cref="PainPointRanker.NewAfterDays"/> days before the period. Each carries its most telling quote of
    /// the period (of the previous period for a theme that fell silent).
    /// </summary>
    public async Task<TrendsView> TrendsAsync(WorkspaceId workspace, PeriodWindow window, QueryFilters filters, CancellationToken ct)
    {
        var (current, previous, _) = await store.GetPeriodThemeStatsAsync(
            workspace, SignalFilter.Friction(window.Current, filters), window.Previous, ct);
        var earlier = await EarlierAsync(workspace, window, filters, current, previous, ct);
        var (added, rising, falling) = TrendCalculator.Compare(current, previous, earlier);

        var all = added.Concat(rising).Concat(falling).ToList();
        var quotes = (await TellingAsync(workspace, window.Current, filters, all.Where(t => t.Signals > 0), ct))
            .Concat(await TellingAsync(workspace, window.Previous, filters, all.Where(t => t.Signals == 0), ct))
            .ToList();
        List<ThemeTrend> Quoted(IReadOnlyList<ThemeTrend> trends) =>
            trends.Select(t => t with { Quote = quotes.FirstOrDefault(q => q.Themes.Contains(t.Theme)) }).ToList();

        return new TrendsView(window.Label, filters, Quoted(added), Quoted(rising), Quoted(falling), window.Dates, window.Comparison);
    }

    /// <summary>
    /// Whether a shipped theme's friction dropped, as of <paramref name="now"/>: its signals in the days since the
    /// ship date (at most <see cref="ShippedCompareDays"/>) against as many days before it. The digest and the
    /// "since we shipped" answer both read it here, so they show the same figures.
    /// </summary>
    public async Task<ShippedThemeRate> ShippedRateAsync(
        WorkspaceId workspace, Theme theme, DateTimeOffset now, QueryFilters filters, TimeZoneInfo zone, CancellationToken ct)
    {
        var shippedAt = theme.StatusAt ?? now;
        var days = Math.Clamp((int)(now - shippedAt).TotalDays, 1, ShippedCompareDays);
        var span = TimeSpan.FromDays(days);
        var scoped = filters with { Theme = theme.Name };
        var before = await store.CountSignalsAsync(workspace, SignalFilter.Friction(new DateRange(shippedAt - span, shippedAt), scoped), ct);
        var after = await store.CountSignalsAsync(workspace, SignalFilter.Friction(new DateRange(shippedAt, shippedAt + span), scoped), ct);
        var day = Zones.DayOf(shippedAt, zone);
        return new ShippedThemeRate(theme.Name, day, days, before, after);
    }

    /// <summary>
    /// The themes of the <see cref="PainPointRanker.NewAfterDays"/> days before the period. Only a theme heard now and
    /// not in the previous period can be new, so without one there is nothing to look back for.
    /// </summary>
    private async Task<IReadOnlyList<ThemeStats>> EarlierAsync(
        WorkspaceId workspace, PeriodWindow window, QueryFilters filters, IReadOnlyList<ThemeStats> current, IReadOnlyList<ThemeStats> previous, CancellationToken ct)
    {
        var before = PainPointRanker.Heard(previous);
        if (PainPointRanker.Heard(current).All(before.Contains))
        {
            return [];
        }

        var start = window.Current.Start;
        var earlier = new DateRange(start - TimeSpan.FromDays(PainPointRanker.NewAfterDays), start);
        // A period of that many days is compared with exactly those days: read once, not twice.
        return earlier == window.Previous
            ? previous
            : await store.GetThemeStatsAsync(workspace, SignalFilter.Friction(earlier, filters), ct);
    }

    private async Task<IReadOnlyList<Signal>> TellingAsync(
        WorkspaceId workspace, DateRange range, QueryFilters filters, IEnumerable<ThemeTrend> trends, CancellationToken ct)
    {
        var themes = trends.Select(t => (string?)t.Theme).ToList();
        return themes.Count == 0 ? [] : await store.GetTellingSignalsAsync(workspace, SignalFilter.Friction(range, filters), themes, 1, ct);
    }
}
