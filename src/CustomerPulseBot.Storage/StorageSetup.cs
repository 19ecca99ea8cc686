using CustomerPulseBot.Core;
using CustomerPulseBot.Core.ApiKeys;
using CustomerPulseBot.Core.Customers;
using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Exchange;
using CustomerPulseBot.Core.Meaning;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CustomerPulseBot.Storage;

public static class StorageSetup
{
    /// <summary>The longest pause between two tries of an unreachable database.</summary>
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(5);

    /// <summary>The <see cref="IPulseStore"/> that <c>Storage:Provider</c> names, validated on start.</summary>
    public static IServiceCollection AddPulseStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .PostConfigure(options => options.ConnectionString = configuration.GetConnectionString("Pulse"))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SqlPulseStore>(provider =>
            Create(provider.GetRequiredService<IOptions<StorageOptions>>().Value, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IPulseStore>(provider => provider.GetRequiredService<SqlPulseStore>());
        services.AddSingleton<IInstallationStore>(provider => provider.GetRequiredService<SqlPulseStore>());
        services.AddSingleton<IConversationReferences>(provider => provider.GetRequiredService<SqlPulseStore>());
        services.AddSingleton<IEventReceipts>(provider => provider.GetRequiredService<SqlPulseStore>());
        services.AddSingleton<IDigestStore>(provider => provider.GetRequiredService<SqlPulseStore>());
        services.AddSingleton<IMeaningStore>(provider => provider.GetRequiredService<SqlPulseStore>());
        services.AddSingleton<IAdminStore>(provider => provider.GetRequiredService<SqlPulseStore>());
        services.AddSingleton<ICustomerStore>(provider => provider.GetRequiredService<SqlPulseStore>());
        services.AddSingleton<IApiKeyStore>(provider => provider.GetRequiredService<SqlPulseStore>());
        services.AddSingleton<IIntakeStore>(provider => provider.GetRequiredService<SqlPulseStore>());
        return services;
    }

    /// <summary>
    /// Brings the database schema up to this build's version; call once at start-up, before serving. A database not
    /// reachable yet is tried again, with a log line each time, for <c>Storage:StartupWait</c>. Anything to fix outside
    /// the code (still unreachable, a refused password, a file that cannot be opened, a newer schema) ends in a
    /// <see cref="StorageStartupException"/> whose message is one line naming the setting.
    /// </summary>
    public static async Task MigrateStorageAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("CustomerPulseBot.Storage") ?? NullLogger.Instance;
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var clock = services.GetRequiredService<TimeProvider>();
        var store = services.GetRequiredService<SqlPulseStore>();
        logger.LogInformation("Migrating the {Provider} store", options.UsesPostgres ? StorageOptions.Postgres : StorageOptions.Sqlite);
        var giveUpAt = clock.GetUtcNow() + options.StartupWait;
        var pause = TimeSpan.FromSeconds(1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.MigrateAsync(logger, ct);
                return;
            }
            catch (Exception e) when (store.Explain(e) is { } problem)
            {
                var left = giveUpAt - clock.GetUtcNow();
                if (!problem.Retry)
                {
                    throw new StorageStartupException(problem.Line, e);
                }

                if (left <= TimeSpan.Zero)
                {
                    throw new StorageStartupException($"{problem.Line}; gave up after {attempt} tries in {options.StartupWait} (Storage:StartupWait)", e);
                }

                var wait = pause < left ? pause : left;
                logger.LogWarning("{Problem}; try {Attempt} failed, trying again in {Seconds:0.#} s (Storage:StartupWait is {StartupWait})",
                    problem.Line, attempt, wait.TotalSeconds, options.StartupWait);
                await Task.Delay(wait, clock, ct);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, MaxPause.Ticks));
            }
        }
    }

    /// <summary>Keeps Data Protection's key ring in the store's database (migration 0009), shared by every host on it.</summary>
    public static IDataProtectionBuilder PersistKeysToPulseStore(this IDataProtectionBuilder builder)
    {
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<SqlPulseStore>((keys, store) => keys.XmlRepository = new DatabaseKeyRing(store));
        return builder;
    }

    /// <summary>
    /// Reads the key ring once before serving, making its first key when it has none, one host at a time; call after
    /// <see cref="MigrateStorageAsync"/>. Hosts starting together on an empty ring would each make a first key and
    /// keep the ring they read: Data Protection reads it again only a day later (or, for a key it does not know, in
    /// its first two minutes), so meanwhile each could not read the tokens the other stored. Nothing to do on a host
    /// without Data Protection.
    /// </summary>
    public static async Task OpenKeyRingAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        // The provider Data Protection's own start-up uses to load the ring; here it loads it under the lock first.
        if (services.GetService<IKeyRingProvider>() is { } ring)
        {
            await services.GetRequiredService<SqlPulseStore>().WithKeyRingLockAsync(() => ring.GetCurrentKeyRing(), ct);
        }
    }

    private static SqlPulseStore Create(StorageOptions options, TimeProvider clock) => options.UsesPostgres
        ? PostgresPulseStore.Create(options.ConnectionString!, clock, options.Timeout) // the validator requires it for postgres
        : new SqlitePulseStore(Path.GetFullPath(options.SqlitePath), clock, options.Timeout);
}
