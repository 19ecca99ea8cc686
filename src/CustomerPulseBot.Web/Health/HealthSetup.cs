using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CustomerPulseBot.Web.Health;

public static class HealthSetup
{
    public static IServiceCollection AddPulseHealthChecks(this IServiceCollection services)
    {
        // A store that cannot answer in the time a reply has fails the bot's replies too: unhealthy, said at once
        // instead of after a frozen database's driver timeouts, and well inside a probe's usual 5 s.
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", timeout: ReplyDeadline.Reply);
        return services;
    }

    /// <summary>
    /// 200 with {status:"healthy"} when the store answers and takes writes, 200 with {status:"degraded"} when it answers
    /// but would not write, 503 with {status:"unhealthy"} when it does not answer.
    /// </summary>
    public static IEndpointRouteBuilder MapPulseHealth(this IEndpointRouteBuilder endpoints, string path)
    {
        endpoints.MapHealthChecks(path, new HealthCheckOptions { ResponseWriter = WriteAsync });
        return endpoints;
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        var storage = http.RequestServices.GetRequiredService<IOptions<StorageOptions>>().Value;
        var status = report.Status switch
        {
            HealthStatus.Healthy => "healthy",
            HealthStatus.Degraded => "degraded",
            _ => "unhealthy",
        };
        return http.Response.WriteAsJsonAsync(new HealthReply(status, storage.UsesPostgres ? StorageOptions.Postgres : StorageOptions.Sqlite));
    }

    private sealed record HealthReply(string Status, string Store);
}
