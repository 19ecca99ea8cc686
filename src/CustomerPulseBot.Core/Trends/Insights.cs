using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Trends;

/// <summary>The two answers leaders read, for a resolved period: asked in chat, or sent in a brief.</summary>
public sealed class Insights(IPulseStore store)
{
    public const int TopThemes = 5;
    public const int QuotesPerTheme = 3;

    /// <summary>Themes ranked by reach, recurrence, severity and trend, each with its most telling quotes; untagged friction counted.</summary>
    public async Task<PainPointsView> TopAsync(WorkspaceId workspace, PeriodWindow window, QueryFilters filters, CancellationToken ct)
    {
        var current = await store.GetThemeStatsAsync(workspace, SignalFilter.Friction(window.Current, filters), ct);
        var previous = await store.GetThemeStatsAsync(workspace, SignalFilter.Friction(window.Previous, filters), ct);
        var ranked = PainPointRanker.Rank(current, previous);
        var shown = ranked.Take(TopThemes).ToList();
        var untagged = current.FirstOrDefault(s => s.Theme is null);

        var wanted = shown.Select(t => t.Stats.Theme).Append(null).ToList();
        var quotes = await store.GetTellingSignalsAsync(
            workspace, SignalFilter.Friction(window.Current, filters), wanted, QuotesPerTheme, ct);
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
                quotes.Where(q => q.Themes.Contains(t.Stats.Theme!)).Take(QuotesPerTheme).ToList()))
            .ToList();
        var untaggedView = untagged is null
            ? UntaggedSignals.None
            : new UntaggedSignals(untagged.Signals, PainPointRanker.Reach(untagged),
                quotes.Where(q => q.Themes.Count == 0).Take(QuotesPerTheme).ToList());
        var total = await store.CountSignalsAsync(workspace, SignalFilter.Friction(window.Current, filters), ct);

        return new PainPointsView(window.Label, filters, rows, ranked.Count - rows.Count, untaggedView, total);
    }

    /// <summary>New, rising and falling themes against the previous period of equal length.</summary>
    public async Task<TrendsView> TrendsAsync(WorkspaceId workspace, PeriodWindow window, QueryFilters filters, CancellationToken ct)
    {
        var current = await store.GetThemeStatsAsync(workspace, SignalFilter.Friction(window.Current, filters), ct);
        var previous = await store.GetThemeStatsAsync(workspace, SignalFilter.Friction(window.Previous, filters), ct);
        var (added, rising, falling) = TrendCalculator.Compare(current, previous);
        return new TrendsView(window.Label, filters, added, rising, falling);
    }
}
