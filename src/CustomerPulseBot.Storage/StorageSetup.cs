using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CustomerPulseBot.Storage;

public static class StorageSetup
{
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
        return services;
    }

    /// <summary>Brings the database schema up to this build's version; call once at start-up, before serving.</summary>
    public static async Task MigrateStorageAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("CustomerPulseBot.Storage") ?? NullLogger.Instance;
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        logger.LogInformation("Migrating the {Provider} store", options.UsesPostgres ? StorageOptions.Postgres : StorageOptions.Sqlite);
        await services.GetRequiredService<SqlPulseStore>().MigrateAsync(logger, ct);
    }

    private static SqlPulseStore Create(StorageOptions options, TimeProvider clock) => options.UsesPostgres
        ? PostgresPulseStore.Create(options.ConnectionString!, clock, options.Timeout) // the validator requires it for postgres
        : new SqlitePulseStore(Path.GetFullPath(options.SqlitePath), clock, options.Timeout);
}
