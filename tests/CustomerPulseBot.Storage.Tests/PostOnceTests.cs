using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static CustomerPulseBot.Storage.Tests.PulseStoreContractTests;

namespace CustomerPulseBot.Storage.Tests;

/// <summary>
/// <see cref="PostOnce"/> when a post goes wrong as hosts meet it: the answer to a post that went out never comes, the
/// run dies between posting and recording, the host stops at that moment, the platform never answers. Core's real
/// delivery path against a real store, SQLite and PostgreSQL alike; only the platform is a mock.
/// </summary>
public abstract class PostOnceTests
{
    private readonly CancellationToken ct = CancellationToken.None;
    private readonly FakeTimeProvider clock = new(Now);
    private readonly Mock<IChatPoster> poster = new(MockBehavior.Strict);

    protected abstract IPulseStore Store { get; }

    private IDigestStore Digests => (IDigestStore)Store;

    private DigestDeliverer Deliverer => new(
        Digests,
        new DigestComposer(Store, Digests, new Insights(Store)),
        new PostOnce(Digests, clock, NullLogger<PostOnce>.Instance),
        [poster.Object],
        clock,
        NullLogger<DigestDeliverer>.Instance);

    /// <summary>What the platform was told of each delivery it was asked to make, in order.</summary>
    private IEnumerable<bool> MayHavePosted =>
        poster.Invocations.Where(i => i.Method.Name == nameof(IChatPoster.PostAsync)).Select(i => i.Arguments[3] is DeliveryTag { MayHavePosted: var may } && may);

    [Fact]
    public async Task LooksInsteadOfPostingAgain_WhenThePlatformTookThePostButItsAnswerNeverCame()
    {
        var subscription = await SubscribeAsync();
        var timedOut = new TaskCanceledException(
            "The request was canceled due to the configured HttpClient.Timeout of 15 seconds elapsing.", new TimeoutException());
        PlatformAnswers(
            (_, _) => throw timedOut, // sent, then the client gave up waiting
            (tag, _) => Task.FromResult(tag.MayHavePosted ? PostResult.FoundPosted : PostResult.Posted));

        var first = await Assert.ThrowsAsync<TaskCanceledException>(() => Deliverer.RunScheduledAsync(subscription.Id, ct));
        var retried = await Deliverer.RunScheduledAsync(subscription.Id, ct);

        Assert.Same(timedOut, first);
        Assert.Equal(DigestOutcome.Posted, retried);
        Assert.Equal([false, true], MayHavePosted);
        var row = await RowAsync(subscription);
        Assert.Equal(new SqlPulseStore.DeliveryRow(null, Now, 2, row.LastError), row);
        Assert.StartsWith("TaskCanceledException: The request was canceled", row.LastError);
    }

    [Fact]
    public async Task LooksInsteadOfPostingAgain_WhenTheRunDiedBetweenPostingAndRecording()
    {
        var subscription = await SubscribeAsync();
        var sent = new TaskCompletionSource();
        PlatformAnswers(
            (_, _) =>
            {
                sent.SetResult();
                return new TaskCompletionSource<PostResult>().Task; // the host is killed: no answer, no record, no release
            },
            (tag, _) => Task.FromResult(tag.MayHavePosted ? PostResult.FoundPosted : PostResult.Posted));

        var dead = Deliverer.RunScheduledAsync(subscription.Id, ct);
        await sent.Task;
        var whileHeld = await Deliverer.RunScheduledAsync(subscription.Id, ct);
        clock.Advance(PostOnce.Lease + TimeSpan.FromSeconds(1));
        var afterLapse = await Deliverer.RunScheduledAsync(subscription.Id, ct);

        Assert.False(dead.IsCompleted);
        Assert.Equal((DigestOutcome.HeldElsewhere, DigestOutcome.Posted), (whileHeld, afterLapse));
        Assert.Equal([false, true], MayHavePosted);
        Assert.Equal(new SqlPulseStore.DeliveryRow(null, clock.GetUtcNow(), 2, null), await RowAsync(subscription));
    }

    [Fact]
    public async Task RecordsTheDelivery_WhenTheHostStartsStoppingBetweenPostingAndRecording()
    {
        var subscription = await SubscribeAsync();
        using var stopping = new CancellationTokenSource();
        PlatformAnswers((_, _) =>
        {
            stopping.Cancel(); // the platform took it; the host is told to stop before the delivery is recorded
            return Task.FromResult(PostResult.Posted);
        });

        var outcome = await Deliverer.RunScheduledAsync(subscription.Id, stopping.Token);
        var again = await Deliverer.RunScheduledAsync(subscription.Id, ct);

        Assert.Equal((DigestOutcome.Posted, DigestOutcome.AlreadyDelivered), (outcome, again));
        Assert.Equal([false], MayHavePosted);
        Assert.Equal(new SqlPulseStore.DeliveryRow(null, Now, 1, null), await RowAsync(subscription));
    }

    [Fact]
    public async Task GivesUpAndReleasesWithinTheLease_WhenThePlatformNeverAnswers()
    {
        var subscription = await SubscribeAsync();
        var posting = new TaskCompletionSource();
        PlatformAnswers(async (_, token) =>
        {
            posting.SetResult();
            await Task.Delay(Timeout.Infinite, token);
            return PostResult.Posted;
        });

        var run = Deliverer.RunScheduledAsync(subscription.Id, ct);
        await posting.Task;
        clock.Advance(PostOnce.PostDeadline);
        var failure = await Assert.ThrowsAsync<TimeoutException>(() => run);
        var next = await Digests.ClaimDeliveryAsync(
            subscription.WorkspaceId, subscription.JobId, Until(subscription), clock.GetUtcNow(), clock.GetUtcNow() + PostOnce.Lease, ct);

        Assert.Equal("The post did not finish within 40 s", failure.Message);
        Assert.Equal(DeliveryClaim.ClaimedAgain, next); // released before the lease lapsed, and the next run looks first
        Assert.Equal("TimeoutException: The post did not finish within 40 s", (await RowAsync(subscription)).LastError);
    }

    /// <summary>The platform's answers to the first, second, ... post it is asked for.</summary>
    private void PlatformAnswers(params Func<DeliveryTag, CancellationToken, Task<PostResult>>[] answers)
    {
        var calls = 0;
        poster.SetupGet(p => p.Platform).Returns(Platform.Slack);
        poster.Setup(p => p.PostAsync(It.IsAny<WorkspaceId>(), It.IsAny<ChatDestination>(), It.IsAny<View>(), It.IsAny<DeliveryTag>(), It.IsAny<CancellationToken>()))
            .Returns((WorkspaceId _, ChatDestination _, View _, DeliveryTag tag, CancellationToken token) => answers[calls++](tag, token));
    }

    private async Task<Subscription> SubscribeAsync()
    {
        var workspace = await Store.ResolveWorkspaceAsync(Platform.Slack, $"T{Guid.NewGuid():N}", "Test team", ct);
        return await Digests.SaveSubscriptionAsync(
            new Subscription(Guid.NewGuid(), SubscriptionKind.Digest, workspace.Id, Platform.Slack, "C1", DigestCadence.Daily, null,
                new TimeOnly(9, 0), "UTC", QueryFilters.None, false, "U1", Now),
            ct);
    }

    private DateTimeOffset Until(Subscription subscription) => DigestTimes.Latest(subscription, Now);

    private async Task<SqlPulseStore.DeliveryRow> RowAsync(Subscription subscription) =>
        await ((SqlPulseStore)Store).FindDeliveryAsync(subscription.WorkspaceId, subscription.JobId, Until(subscription), ct)
        ?? throw new InvalidOperationException($"No delivery row for {subscription.JobId}.");
}
