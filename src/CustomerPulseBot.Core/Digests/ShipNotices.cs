using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Core.Digests;

/// <summary>
/// Closes the loop when a theme ships: each person who captured a signal for it gets one direct message with
/// their own quotes, so they can tell those customers. Once per person and ship date, whatever retries.
/// </summary>
public sealed class ShipNotices(IPulseStore store, PostOnce once, IEnumerable<IChatPoster> posters, ILogger<ShipNotices> logger)
{
    /// <summary>Signals read per theme: enough for every person who captured one in practice.</summary>
    public const int MaxSignals = 2000;

    public const int QuotesPerPerson = 3;

    /// <summary>Sends the notices not sent yet; throws after trying everyone when any post failed, so a retry sends the rest.</summary>
    public async Task<int> SendAsync(WorkspaceId workspaceId, string themeName, CancellationToken ct)
    {
        var theme = await store.FindThemeAsync(workspaceId, themeName, ct);
        var workspace = await store.GetWorkspaceAsync(workspaceId, ct);
        if (theme is not { Status: ThemeStatus.Shipped, StatusAt: { } shippedAt } || workspace is null
            || posters.FirstOrDefault(p => p.Platform == workspace.Platform) is not { } poster)
        {
            logger.LogInformation("No ship notices for {Theme} in {WorkspaceId}: not shipped, or no poster", themeName, workspaceId);
            return 0;
        }

        var signals = (await store.FindSignalsAsync(workspaceId, new SignalFilter(Theme: theme.Name), MaxSignals, ct))
            .Where(s => s.CapturedAt <= shippedAt);
        var shippedOn = Zones.DayOf(shippedAt, Zones.For(workspace.TimeZone));
        var (sent, failures) = (0, new List<Exception>());
        foreach (var mine in signals.GroupBy(s => s.CapturedBy.Id))
        {
            var quotes = mine.ToList();
            var view = new ShippedNoticeView(theme.Name, shippedOn, theme.StatusNote, quotes.Take(QuotesPerPerson).ToList(), Math.Max(0, quotes.Count - QuotesPerPerson));
            try
            {
                var outcome = await once.RunAsync(workspaceId, $"ship:{theme.Id:N}:{mine.Key}", shippedAt, async (tag, token) =>
                    DigestDeliverer.Outcome(await poster.PostAsync(workspaceId, new ChatDestination(mine.Key, Direct: true), view, tag, token)), ct);
                sent += outcome == DigestOutcome.Posted ? 1 : 0;
                if (outcome == DigestOutcome.HeldElsewhere)
                {
                    // Another run holds it, and may have died doing so: a retry after its lease lapses sends it.
                    failures.Add(new InvalidOperationException($"Another run holds the ship notice to {mine.Key}"));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures.Add(e);
            }
        }

        logger.LogInformation("Ship notices for {Theme} in {WorkspaceId}: {Sent} sent, {Failed} failed", theme.Name, workspaceId, sent, failures.Count);
        return failures.Count == 0 ? sent : throw new AggregateException("Some ship notices failed; a retry sends them", failures);
    }
}
