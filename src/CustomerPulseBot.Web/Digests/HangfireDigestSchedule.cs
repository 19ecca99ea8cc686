using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Workspaces;
using Hangfire;

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
