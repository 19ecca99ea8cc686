using CustomerPulseBot.Core.Digests;
using Hangfire;
using Hangfire.Storage;

namespace CustomerPulseBot.Web.Digests;

/// <summary>
/// Makes Hangfire's recurring jobs match the subscriptions table, the source of truth: a subscription whose job is missing
/// or differs gets it, and digest jobs without a subscription are removed. It runs at start-up, before the job server
/// starts (Hangfire.InMemory starts empty), then every few minutes as <see cref="DigestScheduleSyncJob"/>, which Hangfire
/// runs on one host at a time: a subscription saved whose schedule call failed gets its job at the next run.
/// </summary>
internal sealed class DigestScheduleSync(
    IDigestStore digests, IDigestSchedule schedule, IRecurringJobManager recurring, JobStorage storage, ILogger<DigestScheduleSync> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await SyncAsync(cancellationToken);
        recurring.AddOrUpdate<DigestScheduleSyncJob>(DigestScheduleSyncJob.Id, job => job.RunAsync(), DigestScheduleSyncJob.Cron);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task SyncAsync(CancellationToken ct)
    {
        // The jobs are read before the table: a subscription saved in between gets its job after this read, so it is
        // never taken for a job without a subscription.
        var jobs = DigestJobs();
        var subscriptions = await digests.ListSubscriptionsAsync(ct);
        var scheduled = 0;
        foreach (var subscription in subscriptions.Where(s => !(jobs.TryGetValue(s.JobId, out var job) && HangfireDigestSchedule.IsScheduled(s, job))))
        {
            try
            {
                schedule.Schedule(subscription);
                scheduled++;
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                // One zone this machine's time zone database lacks must not stop every other digest.
                logger.LogError("Digest {SubscriptionId} not scheduled: this machine does not know its time zone {TimeZone}",
                    subscription.Id, subscription.TimeZone);
            }
        }

        var wanted = subscriptions.Select(s => s.JobId).ToHashSet(StringComparer.Ordinal);
        var stale = jobs.Keys.Where(id => !wanted.Contains(id)).ToList();
        stale.ForEach(recurring.RemoveIfExists);
        logger.Log(scheduled + stale.Count > 0 ? LogLevel.Information : LogLevel.Debug,
            "Digest schedule synchronised: {Subscriptions} subscriptions, {Scheduled} jobs added or changed, {Removed} jobs without one removed",
            subscriptions.Count, scheduled, stale.Count);
    }

    private Dictionary<string, RecurringJobDto> DigestJobs()
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs()
            .Where(job => job.Id.StartsWith(Subscription.JobIdPrefix, StringComparison.Ordinal))
            .ToDictionary(job => job.Id, StringComparer.Ordinal);
    }
}
