using CustomerPulseBot.Slack.Api;
using CustomerPulseBot.Slack.Workspaces;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Slack.Background;

/// <summary>
/// Runs the queued Slack work, each item through the last-chance handler, so no failure reaches the host. On shutdown
/// the queue is closed and what is in it is finished, until the host's shutdown timeout runs out.
/// </summary>
internal sealed class SlackBackgroundWorker(
    SlackBackgroundQueue queue, SlackLastChance lastChance, SlackWorkspaces workspaces, ILogger<SlackBackgroundWorker> logger)
    : BackgroundService
{
    /// <summary>Several at once, so one slow Slack call does not hold up the next person's modal.</summary>
    private const int Parallel = 8;

    /// <summary>Cancelled when the shutdown timeout runs out, not when shutdown begins: queued work is finished first.</summary>
    private readonly CancellationTokenSource abandon = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        System.Threading.Tasks.Parallel.ForEachAsync(
            queue.ReadAllAsync(abandon.Token),
            new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = abandon.Token },
            async (work, ct) => await lastChance.RunAsync(work, async token =>
            {
                try
                {
                    await work.Run(token);
                }
                catch (SlackApiException e) when (e.TokenIsDead)
                {
                    await workspaces.ForgetDeadTokenAsync(work.Tenant, e.Error, token);
                }
            }, ct));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Close();
        if (queue.Count > 0)
        {
            logger.LogInformation("Finishing {Count} queued Slack work items before stopping", queue.Count);
        }

        await using (cancellationToken.Register(abandon.Cancel))
        {
            await base.StopAsync(cancellationToken);
        }
    }

    public override void Dispose()
    {
        abandon.Dispose();
        base.Dispose();
    }
}
