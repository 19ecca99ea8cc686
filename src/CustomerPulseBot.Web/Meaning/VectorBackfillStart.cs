using Hangfire;

namespace CustomerPulseBot.Web.Meaning;

/// <summary>Queues the vector backfill once as the host starts: existing and imported signals get their vectors.</summary>
internal sealed class VectorBackfillStart(IBackgroundJobClient jobs, ILogger<VectorBackfillStart> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var id = jobs.Enqueue<VectorBackfillJob>(job => job.RunAsync(null));
        logger.LogInformation("Vector backfill queued as job {JobId}", id);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
