using System.Threading.Channels;
using CustomerPulseBot.Slack.Workspaces;

namespace CustomerPulseBot.Slack.Background;

/// <summary>
/// Work that must not hold up an acknowledgement (views.open, posts, event handling): Slack wants its
/// answer within 3 seconds, so requests queue the slow part here and answer at once.
/// </summary>
internal sealed class SlackBackgroundQueue
{
    private readonly Channel<SlackWork> channel = Channel.CreateUnbounded<SlackWork>();

    /// <summary>Queues work for <paramref name="tenant"/>, whose installation goes if Slack calls its bot token dead.</summary>
    public void Enqueue(string name, SlackTenant tenant, Func<CancellationToken, Task> run) =>
        channel.Writer.TryWrite(new SlackWork(name, tenant, run));

    public IAsyncEnumerable<SlackWork> ReadAllAsync(CancellationToken ct) => channel.Reader.ReadAllAsync(ct);
}

internal sealed record SlackWork(string Name, SlackTenant Tenant, Func<CancellationToken, Task> Run);
