using System.Threading.Channels;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Slack.Workspaces;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerPulseBot.Slack.Background;

/// <summary>
/// Work that must not hold up an acknowledgement (views.open, posts, event handling): Slack wants its answer within
/// 3 seconds, so requests queue the slow part here and answer at once. The queue holds at most
/// <c>Slack:QueueCapacity</c> items: work beyond that is dropped and logged, and a person waiting for it is told that
/// the bot is busy, with their text, through a little room kept for such notices. On shutdown it is closed, and the
/// worker finishes what is in it.
/// </summary>
internal sealed class SlackBackgroundQueue
{
    /// <summary>Room beyond the capacity for "busy" notices only, each one small Slack call.</summary>
    private const int NoticeRoom = 100;

    private const string Busy = "CustomerPulseBot is too busy to do that right now, so it was not done. Try again in a minute.";

    private readonly Channel<SlackWork> channel;
    private readonly int capacity;
    private readonly SlackLastChance lastChance;
    private readonly ILogger<SlackBackgroundQueue> logger;
    private volatile bool closed;

    public SlackBackgroundQueue(IOptions<SlackOptions> options, SlackLastChance lastChance, ILogger<SlackBackgroundQueue> logger)
    {
        capacity = options.Value.QueueCapacity;
        channel = Channel.CreateBounded<SlackWork>(capacity + NoticeRoom);
        this.lastChance = lastChance;
        this.logger = logger;
    }

    /// <summary>Items waiting to be taken.</summary>
    public int Count => channel.Reader.Count;

    /// <summary>
    /// Queues <paramref name="run"/> for <paramref name="tenant"/>; <paramref name="waiting"/> names the person who waits
    /// for its answer, who is told if it fails or cannot be queued.
    /// </summary>
    public void Enqueue(string name, SlackTenant tenant, Func<CancellationToken, Task> run, WaitingPerson? waiting = null)
    {
        var work = new SlackWork(name, tenant, run, waiting);
        if (channel.Reader.Count < capacity && channel.Writer.TryWrite(work))
        {
            return;
        }

        if (closed)
        {
            logger.LogWarning("Slack work {Work} in workspace {WorkspaceId} dropped: the host is stopping", name, tenant.Workspace.Id);
            return;
        }

        logger.LogWarning("Slack work {Work} in workspace {WorkspaceId} dropped: {Capacity} items wait already (Slack:QueueCapacity); correlation {CorrelationId}",
            name, tenant.Workspace.Id, capacity, work.Correlation);
        if (waiting is not null)
        {
            var notice = new ErrorView(Busy, waiting.Text, work.Correlation);
            channel.Writer.TryWrite(work with { Name = $"busy notice for {name}", Run = ct => lastChance.TellAsync(work, notice, ct) });
        }
    }

    /// <summary>Takes nothing more; <see cref="ReadAllAsync"/> ends once what is queued has been read.</summary>
    public void Close()
    {
        closed = true;
        channel.Writer.TryComplete();
    }

    public IAsyncEnumerable<SlackWork> ReadAllAsync(CancellationToken ct) => channel.Reader.ReadAllAsync(ct);
}
