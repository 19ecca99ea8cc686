using System.Threading.RateLimiting;

namespace CustomerPulseBot.Slack.Posting;

// Spreads scheduled posts under chat.postMessage's limits (slack-platform.md, rate limits: about one message
// per second per channel, and a workspace-wide ceiling of a few hundred a minute): a post waits for a permit
// instead of earning a 429. A 429 that still comes is waited out by the API client.
internal sealed class SlackPostPacer : IAsyncDisposable
{
    private const int PerWorkspacePerMinute = 300;
    private const int QueuedPosts = 10_000;

    private readonly PartitionedRateLimiter<(string Team, string Channel)> limiter = PartitionedRateLimiter.CreateChained(
        PartitionedRateLimiter.Create<(string Team, string Channel), (string, string)>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new()
        {
            PermitLimit = 1,
            Window = TimeSpan.FromSeconds(1),
            QueueLimit = QueuedPosts,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        })),
        PartitionedRateLimiter.Create<(string Team, string Channel), string>(key => RateLimitPartition.GetSlidingWindowLimiter(key.Team, _ => new()
        {
            PermitLimit = PerWorkspacePerMinute,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 60, // a permit returns a minute after it was used, give or take a second: never early enough to earn a 429
            QueueLimit = QueuedPosts,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        })));

    public async Task<IDisposable> AcquireAsync(string team, string channel, CancellationToken ct)
    {
        var lease = await limiter.AcquireAsync((team, channel), 1, ct);
        return lease.IsAcquired ? lease : throw new InvalidOperationException($"More than {QueuedPosts} posts are waiting for one Slack channel.");
    }

    public ValueTask DisposeAsync() => limiter.DisposeAsync();
}
