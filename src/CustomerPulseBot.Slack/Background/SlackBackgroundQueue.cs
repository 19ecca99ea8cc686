using System.Threading.Channels;

namespace CustomerPulseBot.Slack.Background;

/// <summary>
/// Work that must not hold up an acknowledgement (views.open, posts, event handling): Slack wants its
/// answer within 3 seconds, so requests queue the slow part here and answer at once.
/// </summary>
internal sealed class SlackBackgroundQueue
{
    private readonly Channel<SlackWork> channel = Channel.CreateUnbounded<SlackWork>();

    public void Enqueue(string name, Func<CancellationToken, Task> run) => channel.Writer.TryWrite(new SlackWork(name, run));

    public IAsyncEnumerable<SlackWork> ReadAllAsync(CancellationToken ct) => channel.Reader.ReadAllAsync(ct);
}

internal sealed record SlackWork(string Name, Func<CancellationToken, Task> Run);
