using CustomerPulseBot.Slack.Api;
using CustomerPulseBot.Slack.Workspaces;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Slack.Background;

internal sealed class SlackBackgroundWorker(SlackBackgroundQueue queue, SlackWorkspaces workspaces, ILogger<SlackBackgroundWorker> logger)
    : BackgroundService
{
    /// <summary>Several at once, so one slow Slack call does not hold up the next person's modal.</summary>
    private const int Parallel = 8;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        System.Threading.Tasks.Parallel.ForEachAsync(
            queue.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = stoppingToken },
            async (work, ct) =>
            {
                try
                {
                    await work.Run(ct);
                }
                catch (SlackApiException e) when (e.TokenIsDead)
                {
                    await workspaces.ForgetDeadTokenAsync(work.Tenant, e.Error, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    logger.LogError(e, "Slack background work {Work} failed", work.Name);
                }
            });
}
