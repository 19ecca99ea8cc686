using System.Collections.Concurrent;

namespace CustomerPulseBot.Core.Workspaces;

/// <summary>
/// Slack and Teams deliver again what they think was missed, with the same id: Slack an event (up to 3 times over
/// about 6 minutes), Teams a message it saw no answer to in time. A repeat is dropped when this host has seen the id
/// in the last hour (no database call), or when any host recorded it in the shared receipts: behind a load balancer
/// the repeat may reach a host other than the first. Receipts are kept a day, well past either platform's last
/// retry; one host at a time deletes older ones, hourly.
/// </summary>
public sealed class EventDeduplicator(IEventReceipts receipts, TimeProvider clock)
{
    private static readonly TimeSpan LocalMemory = TimeSpan.FromHours(1);
    private static readonly TimeSpan SharedMemory = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<(Platform Platform, string Scope, string EventId), DateTimeOffset> seen = new();
    private readonly DueEvery cleanup = new(TimeSpan.FromHours(1));

    /// <summary>
    /// True the first time <paramref name="eventId"/> arrives within <paramref name="scope"/>, the platform's space
    /// in which its ids are unique (a Slack team, a Teams conversation); false for every repeat, on any host.
    /// </summary>
    public async Task<bool> FirstTimeAsync(Platform platform, string scope, string eventId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (seen.Count > 10_000)
        {
            foreach (var old in seen.Where(s => now - s.Value > LocalMemory))
            {
                seen.TryRemove(old.Key, out _);
            }
        }

        var key = (platform, scope, eventId);
        if (!seen.TryAdd(key, now))
        {
            return false;
        }

        try
        {
            await CleanUpAsync(now, ct);
            return await receipts.TryRecordEventAsync(platform, scope, eventId, now, ct);
        }
        catch
        {
            // Not recorded: forget it here too, so the platform's retry of this failed request is handled.
            seen.TryRemove(key, out _);
            throw;
        }
    }

    /// <summary>
    /// Forgets <paramref name="eventId"/> on every host, for an event recorded by <see cref="FirstTimeAsync"/> whose
    /// handling failed: the platform's next delivery of it is then handled, not dropped as a repeat.
    /// </summary>
    public async Task ForgetAsync(Platform platform, string scope, string eventId, CancellationToken ct)
    {
        await receipts.ForgetEventAsync(platform, scope, eventId, ct);
        seen.TryRemove((platform, scope, eventId), out _);
    }

    private async Task CleanUpAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (cleanup.Claim(now))
        {
            await receipts.ForgetEventsAsync(now - SharedMemory, ct);
        }
    }
}
