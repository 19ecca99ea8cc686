using CustomerPulseBot.Teams.Activities;
using Microsoft.Extensions.Caching.Memory;

namespace CustomerPulseBot.Teams;

// Teams sends a message again, with the same id, when it did not see the answer in time (teams-bot-framework.md,
// section 8): remembering ids for a while keeps a capture from being stored twice. Per host, like any memory:
// a repeat that reaches another host behind a load balancer is handled again.
internal sealed class RepeatedActivities : IDisposable
{
    private static readonly TimeSpan Memory = TimeSpan.FromMinutes(15);
    private readonly MemoryCache seen = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private readonly Lock gate = new();

    public bool IsRepeat(Activity activity)
    {
        if (activity.Id is not { Length: > 0 } id)
        {
            return false;
        }

        var key = $"{activity.Conversation?.Id}\n{id}";
        lock (gate)
        {
            if (seen.TryGetValue(key, out _))
            {
                return true;
            }

            seen.Set(key, true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Memory });
            return false;
        }
    }

    public void Dispose() => seen.Dispose();
}
