using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Digests;

/// <summary>The scheduler (Hangfire in the host) as Core sees it: the subscriptions table stays the source of truth.</summary>
public interface IDigestSchedule
{
    /// <summary>Adds or replaces the subscription's recurring job.</summary>
    void Schedule(Subscription subscription);

    void Unschedule(Subscription subscription);

    /// <summary>Queues the post of the occurrence <paramref name="until"/> that <c>digest now</c> recorded, to run at once in the background.</summary>
    void QueueNow(Subscription subscription, DateTimeOffset until);

    /// <summary>Queues the direct messages to everyone who captured a signal for a theme just marked shipped.</summary>
    void QueueShipNotices(WorkspaceId workspace, string theme);
}
