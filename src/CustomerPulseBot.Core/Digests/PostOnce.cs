using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Core.Digests;

/// <summary>
/// The exactly-once rule for everything posted on a schedule: claim the post's row in the database, post,
/// record. A failed post releases the claim and throws, so the scheduler's retry claims it again; a runner
/// that dies keeps its claim only until the lease lapses, then the next run posts it.
/// </summary>
public sealed class PostOnce(IDigestStore digests, TimeProvider clock, ILogger<PostOnce> logger)
{
    /// <summary>Longer than any one post takes, Connector and Slack retries and rate-limit waits included.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private const int MaxErrorLength = 500;

    /// <summary>
    /// Runs <paramref name="post"/> unless the post keyed by (<paramref name="key"/>, <paramref name="until"/>)
    /// was delivered or is held by another run. Posted and Skipped are recorded as delivered.
    /// </summary>
    public async Task<DigestOutcome> RunAsync(
        WorkspaceId workspace, string key, DateTimeOffset until, Func<DeliveryTag, CancellationToken, Task<DigestOutcome>> post, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var lease = now + Lease;
        switch (await digests.ClaimDeliveryAsync(workspace, key, until, now, lease, ct))
        {
            case DeliveryClaim.Delivered:
                return DigestOutcome.AlreadyDelivered;
            case DeliveryClaim.HeldElsewhere:
                return DigestOutcome.HeldElsewhere;
        }

        DigestOutcome outcome;
        try
        {
            outcome = await post(new DeliveryTag(key, until, MayHavePosted: false), ct); // TODO(issue 12): from the claim
        }
        catch (Exception e)
        {
            logger.LogWarning("Post {Key} for {Until} failed ({Error}); released for a retry", key, until, e.GetType().Name);
            await digests.ReleaseDeliveryAsync(workspace, key, until, lease, Shorten($"{e.GetType().Name}: {e.Message}"), CancellationToken.None);
            throw;
        }

        if (outcome is DigestOutcome.Posted or DigestOutcome.Skipped)
        {
            await digests.MarkDeliveredAsync(workspace, key, until, clock.GetUtcNow(), ct);
        }
        else
        {
            await digests.ReleaseDeliveryAsync(workspace, key, until, lease, outcome.ToString(), ct);
        }

        return outcome;
    }

    private static string Shorten(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
}
