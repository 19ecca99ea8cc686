using CustomerPulseBot.Core.Digests;
using Hangfire;

namespace CustomerPulseBot.Web.Digests;

/// <summary>A subscription's recurring job: Core delivers the occurrence due; this maps its outcome onto Hangfire's retries.</summary>
internal sealed class DigestJob(DigestDeliverer deliverer, IHostApplicationLifetime lifetime)
{
    /// <summary>
    /// A failed post throws from Core and is retried here. So is an occurrence another run holds: that run is
    /// posting it, or died and its claim lapses within <see cref="PostOnce.Lease"/>, which the first retry outlasts
    /// (<see cref="DeliveryTimings"/>); a retry never posts twice. Five tries span about an hour, then the job stays
    /// failed on the dashboard.
    /// </summary>
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [DeliveryTimings.RetryAfterHeldSeconds, 300, 600, 1200, 1800], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(Guid subscriptionId)
    {
        if (await deliverer.RunScheduledAsync(subscriptionId, lifetime.ApplicationStopping) == DigestOutcome.HeldElsewhere)
        {
            throw new InvalidOperationException(
                $"Another run holds digest {subscriptionId:N} for this occurrence; retrying until it is delivered or that claim lapses.");
        }
    }
}
