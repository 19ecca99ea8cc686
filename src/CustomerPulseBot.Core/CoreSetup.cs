using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Meaning;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerPulseBot.Core;

public static class CoreSetup
{
    /// <summary>
    /// The command language, its executor, who may run admin commands and the reply deadline; the store comes from the
    /// Storage project, and each platform adds its <see cref="IPlatformAdmins"/>.
    /// </summary>
    public static IServiceCollection AddPulseCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Insights>();
        services.AddSingleton<WorkspaceAdmins>();
        services.AddSingleton<IWorkspaceAdmins>(provider => provider.GetRequiredService<WorkspaceAdmins>());
        services.AddSingleton<PulseCommands>();
        services.AddSingleton<ApiKeys.ApiKeys>();
        services.AddSingleton<Exchange.SignalIntake>();
        services.AddSingleton<EventDeduplicator>();
        services.TryAddSingleton<ReplyDeadline>();
        return services;
    }

    /// <summary>
    /// The meaning features (<see cref="IMeaning"/>) when the host registered an <see cref="ITextEncoder"/> before this
    /// call; without one, nothing: the commands then answer without meaning.
    /// </summary>
    public static IServiceCollection AddPulseMeaning(this IServiceCollection services)
    {
        if (!services.Any(s => s.ServiceType == typeof(ITextEncoder)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MeaningIndex>();
        services.AddSingleton<ThemeSuggestions>();
        services.AddSingleton<VectorBackfill>();
        services.AddSingleton<IMeaning, MeaningFeatures>();
        return services;
    }

    /// <summary>Digest commands and delivery; the host adds the store, the schedule and a poster per platform.</summary>
    public static IServiceCollection AddPulseDigests(this IServiceCollection services)
    {
        services.AddSingleton<PostOnce>();
        services.AddSingleton<DigestComposer>();
        services.AddSingleton<DigestDeliverer>();
        services.AddSingleton<ShipNotices>();
        services.AddSingleton<DigestCommands>();
        return services;
    }
}
