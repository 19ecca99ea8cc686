using System.Globalization;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Meaning;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Digests;

/// <summary>
/// Builds what a digest says for one window; it reads the store and changes nothing, so a retried or
/// repeated composition of the same window says the same. Without <paramref name="meaning"/>, a brief proposes no new themes.
/// </summary>
public sealed class DigestComposer(IPulseStore store, IDigestStore digests, Insights insights, IMeaning? meaning = null)
{
    /// <summary>The candidate themes a brief lists: the largest few, enough to act on in a weekly read.</summary>
    public const int BriefNewThemes = 3;

    /// <summary>Enough quotes to read in 20 seconds; the rest are counted.</summary>
    public const int FreshQuotes = 6;

    /// <summary>Themes shipped longer ago than this no longer appear.</summary>
    public const int ShippedWindowDays = 30;

    private static readonly TimeSpan BriefSpan = TimeSpan.FromDays(7);

    /// <summary>A channel's digest of the signals captured in <paramref name="window"/>, labelled by when it starts.</summary>
    public Task<DigestView> ComposeAsync(
        WorkspaceId workspace, QueryFilters filters, TimeZoneInfo zone, DateRange window, CancellationToken ct)
    {
        var start = TimeZoneInfo.ConvertTime(window.Start, zone);
        var label = "since " + start.ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture) + " " + zone.Id;
        var previous = new DateRange(window.Start - window.Length, window.Start);
        return ComposeAsync(workspace, filters, zone, new PeriodWindow(window, previous, label), summary: false, ct);
    }

    /// <summary>
    /// "Summarize yesterday's feedback": the digest a channel would have got for the period, with its dates. Its
    /// quotes are, as in every digest, the signals captured in the period (what the team heard then), so a summary
    /// and the digest that covered the same days agree.
    /// </summary>
    public Task<DigestView> SummarizeAsync(
        WorkspaceId workspace, QueryFilters filters, TimeZoneInfo zone, PeriodWindow window, CancellationToken ct) =>
        ComposeAsync(workspace, filters, zone, window, summary: true, ct);

    /// <summary>A leader's brief ending at <paramref name="until"/>: the past seven days to the minute against the seven before.</summary>
    public async Task<BriefView> ComposeBriefAsync(
        WorkspaceId workspace, QueryFilters filters, TimeZoneInfo zone, DateTimeOffset until, CancellationToken ct)
    {
        var window = new PeriodWindow(
            new DateRange(until - BriefSpan, until), new DateRange(until - 2 * BriefSpan, until - BriefSpan), "the past 7 days");
        // Discovery reads every untagged quote of the week, whatever the brief's filters: a new theme is the team's to name.
        var found = meaning is null ? [] : await meaning.DiscoverAsync(workspace, window.Current, ct);
        var (first, last) = window.Current.Days(zone);
        return new BriefView(
            await insights.TopAsync(workspace, window, filters, null, zone, byRevenue: false, ct),
            await insights.TrendsAsync(workspace, window, filters, ct))
        {
            NewThemes = found.Count == 0 ? null : new NewThemesView(window.Label, Days(first, last), [.. found.Take(BriefNewThemes)], window.Current),
        };
    }

    private async Task<DigestView> ComposeAsync(
        WorkspaceId workspace, QueryFilters filters, TimeZoneInfo zone, PeriodWindow period, bool summary, CancellationToken ct)
    {
        var window = period.Current;
        var fresh = await digests.GetCapturedSignalsAsync(workspace, window, filters, FreshQuotes, ct);
        var total = fresh.Count < FreshQuotes ? fresh.Count : await digests.CountCapturedSignalsAsync(workspace, window, filters, ct);
        var trends = await insights.TrendsAsync(workspace, period, filters, ct);

        var shipped = new List<ShippedThemeRate>();
        foreach (var theme in (await store.GetThemesAsync(workspace, ct)).Where(t => RecentlyShipped(t, window.End)))
        {
            shipped.Add(await insights.ShippedRateAsync(workspace, theme, window.End, filters, zone, ct));
        }

        var (since, last) = window.Days(zone);
        return new DigestView(
            period.Label, since, filters, fresh, total - fresh.Count, trends.New, trends.Rising, trends.Falling, shipped,
            summary ? last : null, period.Dates, period.Comparison);
    }

    private static string Days(DateOnly first, DateOnly last) =>
        $"{first.ToString("ddd d MMM", CultureInfo.InvariantCulture)} – {last.ToString("ddd d MMM", CultureInfo.InvariantCulture)}";

    private static bool RecentlyShipped(Theme theme, DateTimeOffset now) =>
        theme is { Status: ThemeStatus.Shipped, StatusAt: { } at } && at <= now && now - at <= TimeSpan.FromDays(ShippedWindowDays);
}
