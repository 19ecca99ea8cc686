using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Core.Digests;

/// <summary>
/// The exactly-once rule for everything posted on a schedule: claim the post's row in the database, post,
/// record. A failed post releases the claim and throws, so the scheduler's retry claims it again; a runner
/// that dies keeps its claim only until the lease lapses, then the next run posts it. A run that claims after
/// an earlier attempt tells the poster so (<see cref="DeliveryTag.MayHavePosted"/>): that attempt may have
/// posted before it failed or died, and a platform that can look finds it instead of posting it twice.
/// </summary>
public sealed class PostOnce(IDigestStore digests, TimeProvider clock, ILogger<PostOnce> logger)
{
    /// <summary>
    /// How long a claim keeps other runs off: a runner that died holds its occurrence no longer than this.
    /// A constant, so that the scheduler's retry delays (attribute arguments) can be written from it.
    /// </summary>
    public const int LeaseSeconds = 60;

    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(LeaseSeconds);

    /// <summary>
    /// A post, composing and any look-up included, is given up after this: well inside the lease, so a live run
    /// records or releases its claim before another run may take it. The HTTP clients' own timeouts (10-15 s a
    /// call) fit inside it twice.
    /// </summary>
    public static readonly TimeSpan PostDeadline = TimeSpan.FromSeconds(40);

    private const int MaxErrorLength = 500;

    /// <summary>
    /// Runs <paramref name="post"/> unless the post keyed by (<paramref name="key"/>, <paramref name="until"/>)
    /// was delivered or is held by another run. Posted and Skipped are recorded as delivered.
    /// <paramref name="ct"/> (the host shutting down) may stop the post, never the recording of its outcome.
    /// </summary>
    public async Task<DigestOutcome> RunAsync(
        WorkspaceId workspace, string key, DateTimeOffset until, Func<DeliveryTag, CancellationToken, Task<DigestOutcome>> post, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var lease = now + Lease;
        var claim = await digests.ClaimDeliveryAsync(workspace, key, until, now, lease, ct);
        switch (claim)
        {
            case DeliveryClaim.Delivered:
                return DigestOutcome.AlreadyDelivered;
            case DeliveryClaim.HeldElsewhere:
                return DigestOutcome.HeldElsewhere;
        }

        DigestOutcome outcome;
        using (var deadline = new CancellationTokenSource(PostDeadline, clock))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token))
        {
            try
            {
                outcome = await post(new DeliveryTag(key, until, MayHavePosted: claim == DeliveryClaim.ClaimedAgain), linked.Token);
            }
            catch (Exception e)
            {
                var failure = deadline.IsCancellationRequested && !ct.IsCancellationRequested
                    ? new TimeoutException($"The post did not finish within {PostDeadline.TotalSeconds:0} s", e)
                    : e;
                logger.LogWarning("Post {Key} for {Until} failed ({Error}); released for a retry", key, until, failure.GetType().Name);
                await digests.ReleaseDeliveryAsync(workspace, key, until, lease, Shorten($"{failure.GetType().Name}: {failure.Message}"), CancellationToken.None);
                if (failure == e)
                {
                    throw;
                }

                throw failure;
            }
        }

        // Recorded at once and whatever the shutdown token says: a post that went out and is not recorded goes out
        // again (Teams has no way to look), so nothing may stand between the platform's answer and this write.
        if (outcome is DigestOutcome.Posted or DigestOutcome.Skipped)
        {
            await digests.MarkDeliveredAsync(workspace, key, until, clock.GetUtcNow(), CancellationToken.None);
        }
        else
        {
            await digests.ReleaseDeliveryAsync(workspace, key, until, lease, outcome.ToString(), CancellationToken.None);
        }

        return outcome;
    }

    private static string Shorten(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
}
