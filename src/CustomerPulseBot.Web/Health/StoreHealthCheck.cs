using CustomerPulseBot.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerPulseBot.Web.Health;

/// <summary>
/// Healthy when the store answers a trivial query and would take a write; degraded when it answers but would not
/// write (read-only, or its write lock held by another process); unhealthy when it does not answer, fails, or takes
/// longer than the check's timeout (the store returns then, whatever the database does).
/// </summary>
internal sealed class StoreHealthCheck(IPulseStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await store.PingAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy("The store did not answer.");
        }

        return await store.AcceptsWritesAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded("The store answers but would not take a write.");
    }
}
