using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Storage;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Options;

namespace CustomerPulseBot.Web.Digests;

public static class DigestSetup
{
    public const string DashboardPath = "/hangfire";

    /// <summary>
    /// Digest commands and delivery (Core), scheduled by a Hangfire server on this host: Hangfire.PostgreSql in
    /// the pulse database's "hangfire" schema when the store is PostgreSQL, so every host shares one schedule;
    /// Hangfire.InMemory with the embedded SQLite default, where the start-up sync rebuilds it from the table.
    /// </summary>
    public static IServiceCollection AddDigestJobs(this IServiceCollection services)
    {
        services.AddPulseDigests();
        services.AddOptions<HangfireOptions>().BindConfiguration(HangfireOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HangfireOptions>, HangfireOptionsValidator>();

        // Hangfire keeps its storage and job activator in statics, which several hosts in one process (tests,
        // the benchmark) would overwrite for each other: this host's own instances, registered first, win.
        services.AddSingleton<JobStorage>(provider => CreateStorage(provider.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, configuration) => configuration
            .UseLogProvider(new HangfireLogs(provider.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddSingleton<IDigestSchedule, HangfireDigestSchedule>();
        services.AddSingleton<DigestScheduleSync>();

        // Hosted services start in order: the sync finishes before the server runs its first job.
        services.AddHostedService(provider => provider.GetRequiredService<DigestScheduleSync>());
        services.AddHangfireServer((provider, server) =>
        {
            var options = provider.GetRequiredService<IOptions<HangfireOptions>>().Value;
            server.WorkerCount = options.WorkerCount;
            server.SchedulePollingInterval = options.SchedulePollingInterval;
            if (!string.IsNullOrWhiteSpace(options.ServerName))
            {
                server.ServerName = options.ServerName;
            }
        });
        return services;
    }

    /// <summary>The dashboard at <see cref="DashboardPath"/>, behind the admin token; when it is off, nothing is mapped (404).</summary>
    public static WebApplication MapDigestDashboard(this WebApplication app)
    {
        var dashboard = app.Services.GetRequiredService<IOptions<HangfireOptions>>().Value.Dashboard;
        if (!dashboard.Enabled)
        {
            return app;
        }

        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            // The validator requires the token when the dashboard is enabled.
            Authorization = [new DashboardTokenFilter(dashboard.AdminToken!, app.Services.GetRequiredService<TimeProvider>())],
            DisplayStorageConnectionString = false,
        });
        return app;
    }

    private static JobStorage CreateStorage(StorageOptions storage)
    {
        if (!storage.UsesPostgres)
        {
            return new InMemoryStorage();
        }

        // Hangfire creates and upgrades its own tables in its schema when the storage is first used. Its timings are
        // chosen against the delivery claim's lease (DeliveryTimings), instead of the defaults' 30-minute invisibility.
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = DeliveryTimings.InvisibilityTimeout,
            QueuePollInterval = DeliveryTimings.QueuePollInterval,
            DistributedLockTimeout = DeliveryTimings.DistributedLockTimeout,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(storage.ConnectionString!, options, null), options); // the storage validator requires it for postgres
    }
}
