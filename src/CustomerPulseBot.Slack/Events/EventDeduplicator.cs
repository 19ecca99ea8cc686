using System.Collections.Concurrent;

namespace CustomerPulseBot.Slack.Events;

/// <summary>
/// Slack retries an event it thinks was missed (up to 3 times over about 6 minutes) with the same event_id;
/// ids are remembered for an hour so a retry is dropped. Per host: behind a load balancer a retry that lands on
/// another host is handled again. Retries follow only a missed acknowledgement, and events are acknowledged
/// before any work, so that needs a host to fail mid-request; a shared table would close the gap.
/// </summary>
internal sealed class EventDeduplicator(TimeProvider clock)
{
    private static readonly TimeSpan Memory = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new();

    public bool FirstTime(string eventId)
    {
        var now = clock.GetUtcNow();
        if (seen.Count > 10_000)
        {
            foreach (var old in seen.Where(s => now - s.Value > Memory))
            {
                seen.TryRemove(old.Key, out _);
            }
        }

        return seen.TryAdd(eventId, now);
    }
}
