using CustomerPulseBot.Core.Meaning;
using Hangfire;
using Hangfire.Server;

namespace CustomerPulseBot.Web.Meaning;

/// <summary>
/// The backfill of missing vectors (<see cref="VectorBackfill"/>), queued at each host's start and every two minutes. One run at a time
/// across hosts (a distributed lock); a run that finds another holding it is deleted, as that one does the work. Its
/// progress is the job parameter <see cref="ProgressParameter"/>, shown on the job's page in the dashboard. Each batch waits
/// for a pause in the captures (<see cref="VectorQueue.WhenCapturesPauseAsync"/>), so that a backfill gives way to the replies (at most 10 s per batch).
/// </summary>
internal sealed class VectorBackfillJob(VectorBackfill backfill, VectorQueue captures, IHostApplicationLifetime lifetime)
{
    public const string ProgressParameter = "Progress";

    /// <summary>
    /// No retries: a stopped run leaves the rest to the next run, which resumes where vectors are missing.
    /// <paramref name="context"/> is Hangfire's own (null when enqueued).
    /// </summary>
    [DisableConcurrentExecution(timeoutInSeconds: 5)]
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public Task RunAsync(PerformContext? context) =>
        backfill.RunAsync(
            progress => context?.SetJobParameter(ProgressParameter, progress.ToString()), lifetime.ApplicationStopping, captures.WhenCapturesPauseAsync);
}
