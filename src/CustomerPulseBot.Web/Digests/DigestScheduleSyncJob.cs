using Hangfire;

namespace CustomerPulseBot.Web.Digests;

/// <summary>The schedule's own recurring job: <see cref="DigestScheduleSync"/> every few minutes, on one host at a time.</summary>
internal sealed class DigestScheduleSyncJob(DigestScheduleSync sync, IHostApplicationLifetime lifetime)
{
    /// <summary>Not under <see cref="Core.Digests.Subscription.JobIdPrefix"/>, which marks a subscription's job.</summary>
    public const string Id = "digest-schedule-sync";

    public const string Cron = "*/5 * * * *";

    /// <summary>No retries: the next run comes within minutes.</summary>
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync() => sync.SyncAsync(lifetime.ApplicationStopping);
}
