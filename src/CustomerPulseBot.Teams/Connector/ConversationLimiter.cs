using System.Threading.RateLimiting;

namespace CustomerPulseBot.Teams.Connector;

// Keeps sends to one conversation under Teams' per-thread limits (7 per second, 60 per 30 seconds;
// teams-bot-framework.md, section 3 "Rate limits"): a send waits for a permit rather than earning a 429.
internal sealed class ConversationLimiter : IAsyncDisposable
{
    private const int QueuedSends = 1_000;

    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.CreateChained(
        Window(7, TimeSpan.FromSeconds(1)),
        Window(60, TimeSpan.FromSeconds(30)));

    public async Task<IDisposable> AcquireAsync(string conversationId, CancellationToken ct)
    {
        var lease = await limiter.AcquireAsync(conversationId, 1, ct);
        return lease.IsAcquired ? lease : throw new InvalidOperationException($"More than {QueuedSends} sends are waiting for one conversation.");
    }

    public ValueTask DisposeAsync() => limiter.DisposeAsync();

    private static PartitionedRateLimiter<string> Window(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(conversation => RateLimitPartition.GetSlidingWindowLimiter(conversation, _ => new()
        {
            PermitLimit = permits,
            Window = window,
            SegmentsPerWindow = 5,
            QueueLimit = QueuedSends,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));
}
