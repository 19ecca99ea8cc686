using Hangfire;

namespace CustomerPulseBot.Web.Meaning;

/// <summary>
/// Queues the vector backfill at the host's start, and keeps it recurring: signals stored without a vector by any
/// path (an import, the demo data, a capture whose queued vector was lost with a host) get one within minutes.
/// </summary>
internal sealed class VectorBackfillStart(IBackgroundJobClient jobs, IRecurringJobManager recurring, ILogger<VectorBackfillStart> logger)
    : IHostedService
{
    private const string RecurringId = "vector-backfill";

    /// <summary>Every two minutes: a run with nothing to do costs two small queries.</summary>
    private const string Cron = "*/2 * * * *";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<VectorBackfillJob>(RecurringId, job => job.RunAsync(null), Cron);
        var id = jobs.Enqueue<VectorBackfillJob>(job => job.RunAsync(null));
        logger.LogInformation("Vector backfill queued as job {JobId}, then every two minutes", id);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
