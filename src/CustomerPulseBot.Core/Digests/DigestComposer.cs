using System.Globalization;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Digests;

/// <summary>
/// Builds what a digest says for one window; it reads the store and changes nothing, so a retried or
/// repeated composition of the same window says the same.
/// </summary>
public sealed class DigestComposer(IPulseStore store, IDigestStore digests, Insights insights)
{
    /// <summary>Enough quotes to read in 20 seconds; the rest are counted.</summary>
    public const int FreshQuotes = 6;

    /// <summary>Themes shipped longer ago than this no longer appear.</summary>
    public const int ShippedWindowDays = 30;

    /// <summary>The before/after comparison of a shipped theme spans at most this many days each side.</summary>
    public const int ShippedCompareDays = 14;

    private static readonly TimeSpan BriefSpan = TimeSpan.FromDays(7);

    public async Task<DigestView> ComposeAsync(
        WorkspaceId workspace, QueryFilters filters, TimeZoneInfo zone, DateRange window, CancellationToken ct)
    {
        var fresh = await digests.GetCapturedSignalsAsync(workspace, window, filters, FreshQuotes, ct);
        var total = fresh.Count < FreshQuotes ? fresh.Count : await digests.CountCapturedSignalsAsync(workspace, window, filters, ct);

        var start = TimeZoneInfo.ConvertTime(window.Start, zone);
        var label = "since " + start.ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture) + " " + zone.Id;
        var previous = new DateRange(window.Start - window.Length, window.Start);
        var trends = await insights.TrendsAsync(workspace, new PeriodWindow(window, previous, label), filters, ct);

        var shipped = new List<ShippedThemeRate>();
        foreach (var theme in (await store.GetThemesAsync(workspace, ct)).Where(t => RecentlyShipped(t, window.End)))
        {
            shipped.Add(await RateAsync(workspace, theme, theme.StatusAt!.Value, window.End, filters, zone, ct)); // RecentlyShipped has a date
        }

        return new DigestView(
            label, DateOnly.FromDateTime(start.DateTime), filters, fresh, total - fresh.Count, trends.New, trends.Rising, trends.Falling, shipped);
    }

    /// <summary>A leader's brief ending at <paramref name="until"/>: the past seven days to the minute against the seven before.</summary>
    public async Task<BriefView> ComposeBriefAsync(WorkspaceId workspace, QueryFilters filters, DateTimeOffset until, CancellationToken ct)
    {
        var window = new PeriodWindow(
            new DateRange(until - BriefSpan, until), new DateRange(until - 2 * BriefSpan, until - BriefSpan), "the past 7 days");
        return new BriefView(
            await insights.TopAsync(workspace, window, filters, ct),
            await insights.TrendsAsync(workspace, window, filters, ct));
    }

    private async Task<ShippedThemeRate> RateAsync(
        WorkspaceId workspace, Theme theme, DateTimeOffset shippedAt, DateTimeOffset now, QueryFilters filters, TimeZoneInfo zone, CancellationToken ct)
    {
        var days = Math.Clamp((int)(now - shippedAt).TotalDays, 1, ShippedCompareDays);
        var span = TimeSpan.FromDays(days);
        var scoped = filters with { Theme = theme.Name };
        var before = await store.CountSignalsAsync(workspace, SignalFilter.Friction(new DateRange(shippedAt - span, shippedAt), scoped), ct);
        var after = await store.CountSignalsAsync(workspace, SignalFilter.Friction(new DateRange(shippedAt, shippedAt + span), scoped), ct);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(shippedAt, zone).DateTime);
        return new ShippedThemeRate(theme.Name, day, days, before, after);
    }

    private static bool RecentlyShipped(Theme theme, DateTimeOffset now) =>
        theme is { Status: ThemeStatus.Shipped, StatusAt: { } at } && at <= now && now - at <= TimeSpan.FromDays(ShippedWindowDays);
}
