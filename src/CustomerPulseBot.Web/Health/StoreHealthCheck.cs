using CustomerPulseBot.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerPulseBot.Web.Health;

/// <summary>Healthy when the store answers a trivial query; a thrown exception also counts as unhealthy.</summary>
internal sealed class StoreHealthCheck(IPulseStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await store.PingAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The store did not answer.");
}
