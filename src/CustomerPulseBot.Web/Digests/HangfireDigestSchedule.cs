using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Workspaces;
using Hangfire;
using Hangfire.Storage;

namespace CustomerPulseBot.Web.Digests;

/// <summary>
/// One Hangfire recurring job per subscription, in the subscription's time zone: Hangfire's cron engine reads
/// skipped and repeated local times across DST as <see cref="DigestTimes"/> does. The job gets the subscription
/// id only and reads the rest when it runs, so a changed subscription needs no change to stored jobs.
/// </summary>
internal sealed class HangfireDigestSchedule(IRecurringJobManager recurring, IBackgroundJobClient jobs) : IDigestSchedule
{
    public void Schedule(Subscription subscription)
    {
        var id = subscription.Id;
        recurring.AddOrUpdate<DigestJob>(
            subscription.JobId, job => job.RunAsync(id), DigestTimes.Cron(subscription), new RecurringJobOptions { TimeZone = subscription.Zone });
    }

    /// <summary>Whether <paramref name="job"/> is what <see cref="Schedule"/> makes of the subscription, so it need not be written again.</summary>
    public static bool IsScheduled(Subscription subscription, RecurringJobDto job) =>
        job is { Job: { } scheduled, Cron: var cron, TimeZoneId: var zone }
        && scheduled.Type == typeof(DigestJob) && scheduled.Args is [Guid id] && id == subscription.Id
        && cron == DigestTimes.Cron(subscription) && zone == subscription.Zone.Id;

    public void Unschedule(Subscription subscription) => recurring.RemoveIfExists(subscription.JobId);

    public void QueueNow(Subscription subscription, DateTimeOffset until)
    {
        var id = subscription.Id;
        jobs.Enqueue<DigestJob>(job => job.RunNowAsync(id, until));
    }

    public void QueueShipNotices(WorkspaceId workspace, string theme)
    {
        var id = workspace.Value;
        jobs.Enqueue<ShipNoticesJob>(job => job.SendAsync(id, theme));
    }
}
