using CustomerPulseBot.Core.Digests;

namespace CustomerPulseBot.Storage.Tests;

/// <summary>What <c>digest now</c> and <c>digest status</c> read and write: the queued post, and the last failure.</summary>
public abstract partial class DigestStoreContractTests
{
    private static readonly TimeSpan Pending = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task QueuesOnePost_WhenDigestNowIsAskedForTwice()
    {
        var workspace = await NewWorkspaceAsync();
        var subscription = await Digests.SaveSubscriptionAsync(NewSubscription(workspace), ct);
        var again = Now.AddSeconds(5);

        var first = await Digests.QueueDeliveryAsync(subscription, Now, Now - Pending, ct);
        var second = await Digests.QueueDeliveryAsync(subscription, again, again - Pending, ct);
        var queued = await RowAsync(workspace, subscription.JobId, Now);
        var claim = await Digests.ClaimDeliveryAsync(workspace.Id, subscription.JobId, Now, again, again + Lease, ct);
        var third = await Digests.QueueDeliveryAsync(subscription, again, again - Pending, ct);

        Assert.Null(first);
        Assert.Equal(new PendingDelivery(Now, 0, null), second);
        Assert.Equal(new SqlPulseStore.DeliveryRow(null, null, 0, null), queued);
        Assert.Equal(DeliveryClaim.Claimed, claim); // its job claims it as any post
        Assert.Equal(new PendingDelivery(Now, 1, null), third); // being posted now
        Assert.Null(await ((SqlPulseStore)Store).FindDeliveryAsync(workspace.Id, subscription.JobId, again, ct));
    }

    [Fact]
    public async Task QueuesAgain_OnceThePendingPostIsDeliveredOrTooOld()
    {
        var workspace = await NewWorkspaceAsync();
        var subscription = await Digests.SaveSubscriptionAsync(NewSubscription(workspace), ct);
        await Digests.QueueDeliveryAsync(subscription, Now, Now - Pending, ct);
        await DeliverAsync(workspace, subscription.JobId, Now);
        var later = Now.AddMinutes(1);
        var afterDelivery = await Digests.QueueDeliveryAsync(subscription, later, later - Pending, ct);
        var muchLater = later + Pending + TimeSpan.FromSeconds(1);

        var afterItAged = await Digests.QueueDeliveryAsync(subscription, muchLater, muchLater - Pending, ct);

        Assert.Null(afterDelivery);
        Assert.Null(afterItAged); // the one at `later` was never claimed: its job is lost, and no longer holds digest now back
    }

    [Fact]
    public async Task TellsWhyThePendingPostFailed_WhenItAwaitsItsRetry()
    {
        var workspace = await NewWorkspaceAsync();
        var subscription = await Digests.SaveSubscriptionAsync(NewSubscription(workspace), ct);
        await Digests.QueueDeliveryAsync(subscription, Now, Now - Pending, ct);
        await Digests.ClaimDeliveryAsync(workspace.Id, subscription.JobId, Now, Now, Now + Lease, ct);
        await Digests.ReleaseDeliveryAsync(workspace.Id, subscription.JobId, Now, Now + Lease, nameof(DigestOutcome.TokenRevoked), ct);
        var again = Now.AddMinutes(1);

        var pending = await Digests.QueueDeliveryAsync(subscription, again, again - Pending, ct);

        Assert.Equal(new PendingDelivery(Now, 1, nameof(DigestOutcome.TokenRevoked)), pending);
    }

    [Fact]
    public async Task QueuesOnePost_WhenManyAskAtOnce()
    {
        var workspace = await NewWorkspaceAsync();
        var subscription = await Digests.SaveSubscriptionAsync(NewSubscription(workspace), ct);
        await Task.WhenAll(Enumerable.Range(0, Runners).Select(_ => Store.PingAsync(ct)));
        var start = new TaskCompletionSource();
        var askers = Enumerable.Range(0, Runners).Select(async i =>
        {
            await start.Task;
            var until = Now.AddMilliseconds(i); // each asks at its own instant, so no key collision decides for them
            return await Digests.QueueDeliveryAsync(subscription, until, until - Pending, ct);
        }).ToList();

        start.SetResult();
        var answers = await Task.WhenAll(askers);

        Assert.Equal(1, answers.Count(a => a is null));
        Assert.All(answers.OfType<PendingDelivery>(), a => Assert.Equal(0, a.Attempts));
    }

    [Fact]
    public async Task ReturnsTheLatestFailureSinceTheLastDelivery()
    {
        var workspace = await NewWorkspaceAsync();
        var key = NewKey();
        var none = await Digests.LastFailureAsync(workspace.Id, key, ct);
        await FailAsync(workspace, key, Now.AddDays(-2), "SlackApiException: Slack chat.postMessage failed: http_500");
        await DeliverAsync(workspace, key, Now.AddDays(-1));
        var coveredSince = await Digests.LastFailureAsync(workspace.Id, key, ct);
        await FailAsync(workspace, key, Now.AddHours(-1), "TimeoutRejectedException: timed out");
        await FailAsync(workspace, key, Now, "TimeoutRejectedException: timed out");
        await FailAsync(workspace, key, Now, nameof(DigestOutcome.TokenRevoked));
        await Digests.ClaimDeliveryAsync(workspace.Id, key, Now.AddHours(1), Now, Now + Lease, ct); // being posted, no failure yet

        var latest = await Digests.LastFailureAsync(workspace.Id, key, ct);

        Assert.Null(none);
        Assert.Null(coveredSince);
        Assert.Equal(new PendingDelivery(Now, 2, nameof(DigestOutcome.TokenRevoked)), latest);
        Assert.Null(await Digests.LastFailureAsync(workspace.Id, NewKey(), ct));
    }

    /// <summary>A run claims the occurrence and gives it up with <paramref name="error"/>, as PostOnce does after a failed post.</summary>
    private async Task FailAsync(Core.Workspaces.Workspace workspace, string key, DateTimeOffset until, string error)
    {
        // The second failure of one occurrence is claimed again (its first attempt was never recorded as delivered).
        Assert.Contains(await Digests.ClaimDeliveryAsync(workspace.Id, key, until, Now, Now + Lease, ct), new[] { DeliveryClaim.Claimed, DeliveryClaim.ClaimedAgain });
        await Digests.ReleaseDeliveryAsync(workspace.Id, key, until, Now + Lease, error, ct);
    }
}
