using System.Threading.RateLimiting;

namespace CustomerPulseBot.Teams.Connector;

// Keeps calls under Teams' limits (teams-bot-framework.md, section 3 "Rate limits"): per conversation thread
// 7 per second and 60 per 30 seconds, and per tenant 50 requests a second for the whole app (paced at 40, so a
// window that slides in tenths of a second never lets a burst past it). A call waits for a permit rather than
// earning a 429; a call whose tenant is not known is paced by its conversation only.
internal sealed class ConversationLimiter : IAsyncDisposable
{
    private const int QueuedSends = 10_000;
    private const int TenantPerSecond = 40;

    private readonly PartitionedRateLimiter<(string Conversation, string? Tenant)> limiter = PartitionedRateLimiter.CreateChained(
        Window(key => key.Conversation, 7, TimeSpan.FromSeconds(1), 5),
        Window(key => key.Conversation, 60, TimeSpan.FromSeconds(30), 5),
        Window(key => key.Tenant, TenantPerSecond, TimeSpan.FromSeconds(1), 10));

    public async Task<IDisposable> AcquireAsync(string conversationId, string? tenantId, CancellationToken ct)
    {
        var lease = await limiter.AcquireAsync((conversationId, tenantId), 1, ct);
        return lease.IsAcquired ? lease : throw new InvalidOperationException($"More than {QueuedSends} Teams calls are waiting for one conversation or tenant.");
    }

    public ValueTask DisposeAsync() => limiter.DisposeAsync();

    private static PartitionedRateLimiter<(string Conversation, string? Tenant)> Window(
        Func<(string Conversation, string? Tenant), string?> partition, int permits, TimeSpan window, int segments) =>
        PartitionedRateLimiter.Create<(string Conversation, string? Tenant), string>(key => partition(key) is { } id
            ? RateLimitPartition.GetSlidingWindowLimiter(id, _ => new()
            {
                PermitLimit = permits,
                Window = window,
                SegmentsPerWindow = segments,
                QueueLimit = QueuedSends,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            })
            : RateLimitPartition.GetNoLimiter(""));
}
