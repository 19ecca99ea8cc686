using System.Collections.Concurrent;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Slack.Events;

/// <summary>
/// Slack retries an event it thinks was missed (up to 3 times over about 6 minutes) with the same event_id.
/// A retry is dropped when this host has seen the id in the last hour (no database call), or when any host
/// recorded it in the shared receipts: behind a load balancer the retry may reach a host other than the first.
/// Receipts are kept a day, well past Slack's last retry; one host at a time deletes older ones, hourly.
/// </summary>
internal sealed class EventDeduplicator(IEventReceipts receipts, TimeProvider clock)
{
    private static readonly TimeSpan LocalMemory = TimeSpan.FromHours(1);
    private static readonly TimeSpan SharedMemory = TimeSpan.FromDays(1);
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<(string Team, string EventId), DateTimeOffset> seen = new();
    private long nextCleanupTicks;

    public async Task<bool> FirstTimeAsync(string teamId, string eventId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (seen.Count > 10_000)
        {
            foreach (var old in seen.Where(s => now - s.Value > LocalMemory))
            {
                seen.TryRemove(old.Key, out _);
            }
        }

        var key = (teamId, eventId);
        if (!seen.TryAdd(key, now))
        {
            return false;
        }

        try
        {
            await CleanUpAsync(now, ct);
            return await receipts.TryRecordEventAsync(Platform.Slack, teamId, eventId, now, ct);
        }
        catch
        {
            // Not recorded: forget it here too, so Slack's retry of this failed request is handled.
            seen.TryRemove(key, out _);
            throw;
        }
    }

    private async Task CleanUpAsync(DateTimeOffset now, CancellationToken ct)
    {
        var due = Interlocked.Read(ref nextCleanupTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref nextCleanupTicks, (now + CleanupInterval).UtcTicks, due) != due)
        {
            return;
        }

        await receipts.ForgetEventsAsync(now - SharedMemory, ct);
    }
}
