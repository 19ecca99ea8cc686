using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Digests;

/// <summary>
/// Subscriptions, their deliveries and the signals a digest reads. Every method is scoped by workspace but
/// two: the job knows only a subscription id (<see cref="GetSubscriptionAsync"/>), and the start-up
/// synchronisation reads every subscription (<see cref="ListSubscriptionsAsync"/>).
/// </summary>
public interface IDigestStore
{
    /// <summary>
    /// Creates the subscription or replaces the schedule of the one with the same id; the key
    /// (workspace, kind, channel) is unique, and an existing subscription keeps its id and deliveries.
    /// </summary>
    Task<Subscription> SaveSubscriptionAsync(Subscription subscription, CancellationToken ct);

    /// <summary>The channel's digest, or the person's brief (<paramref name="channelId"/> is then the user id).</summary>
    Task<Subscription?> FindSubscriptionAsync(WorkspaceId workspace, SubscriptionKind kind, string channelId, CancellationToken ct);

    /// <summary>The removed subscription, or null when there was none; its delivery rows go with it.</summary>
    Task<Subscription?> RemoveSubscriptionAsync(WorkspaceId workspace, SubscriptionKind kind, string channelId, CancellationToken ct);

    Task<Subscription?> GetSubscriptionAsync(Guid subscriptionId, CancellationToken ct);

    Task<IReadOnlyList<Subscription>> ListSubscriptionsAsync(CancellationToken ct);

    /// <summary>
    /// Claims the post keyed by (<paramref name="key"/>, <paramref name="until"/>) until <paramref name="leaseUntil"/>:
    /// that row decides between hosts and retries. A digest's key is its <see cref="Subscription.JobId"/> and
    /// until the end of the period it covers; a ship notice's key names theme and person, until the ship time.
    /// An undelivered claim whose lease has lapsed (its runner died) can be claimed again; so can a released one.
    /// Either is <see cref="DeliveryClaim.ClaimedAgain"/>: any earlier attempt, whatever became of it, may have posted.
    /// </summary>
    Task<DeliveryClaim> ClaimDeliveryAsync(
        WorkspaceId workspace, string key, DateTimeOffset until, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken ct);

    Task MarkDeliveredAsync(WorkspaceId workspace, string key, DateTimeOffset until, DateTimeOffset deliveredAt, CancellationToken ct);

    /// <summary>
    /// Gives up the claim that holds the lease <paramref name="leaseUntil"/> after a failed post, recording why,
    /// so that the next try may claim it at once. A claim taken since by another run (this one's lease lapsed)
    /// is left alone.
    /// </summary>
    Task ReleaseDeliveryAsync(WorkspaceId workspace, string key, DateTimeOffset until, DateTimeOffset leaseUntil, string error, CancellationToken ct);

    /// <summary>
    /// Records the post <c>digest now</c> asks for, the occurrence <paramref name="until"/> of the subscription's
    /// key, unclaimed, for its queued job to claim; unless a post of that key is pending already (undelivered, its
    /// occurrence after <paramref name="pendingSince"/>: queued, being posted, or failed and awaiting its retry).
    /// Null when recorded; otherwise the pending one, and nothing is recorded. Two at once record one.
    /// </summary>
    Task<PendingDelivery?> QueueDeliveryAsync(Subscription subscription, DateTimeOffset until, DateTimeOffset pendingSince, CancellationToken ct);

    /// <summary>
    /// The latest undelivered post of <paramref name="key"/> that failed, after the last delivered one (a later
    /// delivery covered it): what <c>digest status</c> shows. Null when none failed since.
    /// </summary>
    Task<PendingDelivery?> LastFailureAsync(WorkspaceId workspace, string key, CancellationToken ct);

    /// <summary>The latest delivered until of <paramref name="key"/> before <paramref name="before"/>: where the next digest starts.</summary>
    Task<DateTimeOffset?> LastDeliveredAsync(WorkspaceId workspace, string key, DateTimeOffset before, CancellationToken ct);

    /// <summary>
    /// Signals captured in <paramref name="captured"/> (by capture time, so none falls between two digests),
    /// most telling first: highest severity, then with a named customer, then with evidence, then newest.
    /// </summary>
    Task<IReadOnlyList<Signal>> GetCapturedSignalsAsync(
        WorkspaceId workspace, DateRange captured, QueryFilters filters, int limit, CancellationToken ct);

    Task<int> CountCapturedSignalsAsync(WorkspaceId workspace, DateRange captured, QueryFilters filters, CancellationToken ct);
}
