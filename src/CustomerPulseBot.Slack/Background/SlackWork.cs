using CustomerPulseBot.Slack.Workspaces;

namespace CustomerPulseBot.Slack.Background;

/// <summary>
/// One piece of queued work for <paramref name="Tenant"/>, whose installation goes if Slack calls its bot token dead;
/// <paramref name="Waiting"/> is the person who waits for its answer, told when it is not coming.
/// </summary>
internal sealed record SlackWork(string Name, SlackTenant Tenant, Func<CancellationToken, Task> Run, WaitingPerson? Waiting)
{
    /// <summary>Logged with a failure and shown in the apology; the request that queued the work has been answered by then.</summary>
    public string Correlation { get; } = Guid.NewGuid().ToString("N");
}
