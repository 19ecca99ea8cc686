using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Workspaces;
using Hangfire;

namespace CustomerPulseBot.Web.Digests;

/// <summary>The direct messages after <c>theme ship</c>, queued so the command answers at once.</summary>
internal sealed class ShipNoticesJob(ShipNotices notices, IHostApplicationLifetime lifetime)
{
    /// <summary>
    /// Each person's notice is posted once whatever the retries (see <see cref="ShipNotices"/>); a retry sends only the
    /// ones that failed or were held by a run that may have died, whose claim the first retry outlasts.
    /// </summary>
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [DeliveryTimings.RetryAfterHeldSeconds, 300, 600, 1200, 1800], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public Task SendAsync(Guid workspaceId, string theme) =>
        notices.SendAsync(new WorkspaceId(workspaceId), theme, lifetime.ApplicationStopping);
}
