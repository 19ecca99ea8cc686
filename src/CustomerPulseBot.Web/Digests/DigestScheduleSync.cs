using CustomerPulseBot.Core.Digests;
using Hangfire;
using Hangfire.Storage;

namespace CustomerPulseBot.Web.Digests;

/// <summary>
/// At start-up, before the job server starts, makes Hangfire's recurring jobs match the subscriptions table,
/// the source of truth: every subscription's job added or updated, and digest jobs without a subscription removed.
/// </summary>
internal sealed class DigestScheduleSync(
    IDigestStore digests, IDigestSchedule schedule, IRecurringJobManager recurring, JobStorage storage, ILogger<DigestScheduleSync> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var subscriptions = await digests.ListSubscriptionsAsync(cancellationToken);
        foreach (var subscription in subscriptions)
        {
            try
            {
                schedule.Schedule(subscription);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                // One zone this machine's time zone database lacks must not stop every other digest.
                logger.LogError("Digest {SubscriptionId} not scheduled: this machine does not know its time zone {TimeZone}",
                    subscription.Id, subscription.TimeZone);
            }
        }

        var wanted = subscriptions.Select(s => s.JobId).ToHashSet(StringComparer.Ordinal);
        List<string> stale;
        using (var connection = storage.GetConnection())
        {
            stale = [.. connection.GetRecurringJobs()
                .Select(job => job.Id)
                .Where(id => id.StartsWith(Subscription.JobIdPrefix, StringComparison.Ordinal) && !wanted.Contains(id))];
        }

        stale.ForEach(recurring.RemoveIfExists);
        logger.LogInformation("Digest schedule synchronised: {Scheduled} subscriptions, {Removed} jobs without one removed",
            subscriptions.Count, stale.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
