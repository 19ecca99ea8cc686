using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Core.Digests;

/// <summary>
/// Delivers one occurrence of a digest or brief exactly once (see <see cref="PostOnce"/>): a digest covers
/// the last delivered one up to the occurrence, so nothing falls between two; a brief covers the past week.
/// </summary>
public sealed class DigestDeliverer(
    IDigestStore digests, DigestComposer composer, PostOnce once, IEnumerable<IChatPoster> posters, TimeProvider clock, ILogger<DigestDeliverer> logger)
{
    /// <summary>Delivers the latest occurrence due: what a scheduled run, or its retry, is for.</summary>
    public async Task<DigestOutcome> RunScheduledAsync(Guid subscriptionId, CancellationToken ct) =>
        await FindAsync(subscriptionId, ct) is { } subscription
            ? await DeliverAsync(subscription, DigestTimes.Latest(subscription, clock.GetUtcNow()), ct)
            : DigestOutcome.NoSubscription;

    /// <summary>
    /// Delivers the extra occurrence <c>digest now</c> queued (<see cref="IDigestStore.QueueDeliveryAsync"/>), ending
    /// when it was asked for; the next scheduled digest starts where it ends.
    /// </summary>
    public async Task<DigestOutcome> RunQueuedAsync(Guid subscriptionId, DateTimeOffset until, CancellationToken ct) =>
        await FindAsync(subscriptionId, ct) is { } subscription ? await DeliverAsync(subscription, until, ct) : DigestOutcome.NoSubscription;

    /// <summary>Whether this host can post on the platform (the playground cannot).</summary>
    public bool CanPost(Platform platform) => posters.Any(p => p.Platform == platform);

    /// <summary>What an extra one ending now would say, composed and shown but not posted or recorded.</summary>
    public async Task<View> PreviewAsync(Subscription subscription, CancellationToken ct) =>
        (await ComposeAsync(subscription, clock.GetUtcNow(), ct)).View;

    private async Task<Subscription?> FindAsync(Guid subscriptionId, CancellationToken ct)
    {
        var subscription = await digests.GetSubscriptionAsync(subscriptionId, ct);
        if (subscription is null)
        {
            logger.LogInformation("Digest subscription {SubscriptionId} is gone; nothing to post", subscriptionId);
        }

        return subscription;
    }

    private async Task<DigestOutcome> DeliverAsync(Subscription subscription, DateTimeOffset until, CancellationToken ct)
    {
        if (posters.FirstOrDefault(p => p.Platform == subscription.Platform) is not { } poster)
        {
            logger.LogWarning("No poster for {Platform}; subscription {SubscriptionId} not posted", subscription.Platform, subscription.Id);
            return DigestOutcome.NoPoster;
        }

        var outcome = await once.RunAsync(subscription.WorkspaceId, subscription.JobId, until, async (tag, token) =>
        {
            var (view, quiet) = await ComposeAsync(subscription, until, token);
            if (quiet && subscription.SkipEmpty)
            {
                return DigestOutcome.Skipped;
            }

            return Outcome(await poster.PostAsync(subscription.WorkspaceId, subscription.Destination, view, tag, token));
        }, ct);
        logger.LogInformation("{Kind} {SubscriptionId} for {Until}: {Outcome}", subscription.Kind, subscription.Id, until, outcome);
        return outcome;
    }

    /// <summary>What a post's result means for the delivery; found posted by an earlier attempt counts as posted.</summary>
    public static DigestOutcome Outcome(PostResult result) => result switch
    {
        PostResult.Posted or PostResult.FoundPosted => DigestOutcome.Posted,
        PostResult.TokenRevoked => DigestOutcome.TokenRevoked,
        _ => DigestOutcome.ChannelGone,
    };

    private async Task<(View View, bool Quiet)> ComposeAsync(Subscription subscription, DateTimeOffset until, CancellationToken ct)
    {
        if (subscription.Kind == SubscriptionKind.Brief)
        {
            var brief = await composer.ComposeBriefAsync(subscription.WorkspaceId, subscription.Filters, subscription.Zone, until, ct);
            return (brief, brief.IsQuiet);
        }

        var since = await digests.LastDeliveredAsync(subscription.WorkspaceId, subscription.JobId, until, ct)
            ?? until - DigestTimes.FirstLookBack(subscription);
        var digest = await composer.ComposeAsync(subscription.WorkspaceId, subscription.Filters, subscription.Zone, new DateRange(since, until), ct);
        return (digest, digest.IsQuiet);
    }
}
