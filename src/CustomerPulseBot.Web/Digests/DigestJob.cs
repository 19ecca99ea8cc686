using CustomerPulseBot.Core.Digests;
using Hangfire;

namespace CustomerPulseBot.Web.Digests;

/// <summary>
/// A subscription's jobs: the recurring one delivers the occurrence due, a queued one the post <c>digest now</c> asked
/// for; Core delivers, and this maps the outcome onto Hangfire's retries.
/// </summary>
internal sealed class DigestJob(DigestDeliverer deliverer, IHostApplicationLifetime lifetime)
{
    /// <summary>
    /// A failed post throws from Core and is retried here. So is an occurrence another run holds: that run is
    /// posting it, or died and its claim lapses within <see cref="PostOnce.Lease"/>, which the first retry outlasts
    /// (<see cref="DeliveryTimings"/>); a retry never posts twice. Five tries span about an hour, then the job stays
    /// failed on the dashboard.
    /// </summary>
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [DeliveryTimings.RetryAfterHeldSeconds, 300, 600, 1200, 1800], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(Guid subscriptionId) =>
        Check(subscriptionId, await deliverer.RunScheduledAsync(subscriptionId, lifetime.ApplicationStopping));

    /// <summary>
    /// The extra post <c>digest now</c> queued. Its retries end within minutes, inside the time a second
    /// <c>digest now</c> is told that this one is on its way (and queues nothing).
    /// </summary>
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [DeliveryTimings.RetryAfterHeldSeconds, 300], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunNowAsync(Guid subscriptionId, DateTimeOffset until) =>
        Check(subscriptionId, await deliverer.RunQueuedAsync(subscriptionId, until, lifetime.ApplicationStopping));

    /// <summary>
    /// What did not post is a failure on the dashboard, with its reason, and tried again: a claim held elsewhere
    /// lapses, and a channel the app was added back to, or a token reinstalled, takes the retry.
    /// </summary>
    private static void Check(Guid subscriptionId, DigestOutcome outcome)
    {
        var problem = outcome switch
        {
            DigestOutcome.HeldElsewhere =>
                $"Another run holds digest {subscriptionId:N} for this occurrence; retrying until it is delivered or that claim lapses.",
            DigestOutcome.ChannelGone => $"Not posted: the platform says the app cannot post there any more (digest {subscriptionId:N}).",
            DigestOutcome.TokenRevoked => $"Not posted: the platform refused the app's token; reinstall the app (digest {subscriptionId:N}).",
            _ => null,
        };
        if (problem is not null)
        {
            throw new InvalidOperationException(problem);
        }
    }
}
