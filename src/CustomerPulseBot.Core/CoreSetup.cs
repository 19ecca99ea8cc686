using CustomerPulseBot.Core.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerPulseBot.Core;

public static class CoreSetup
{
    /// <summary>The command language and its executor; the store comes from the Storage project.</summary>
    public static IServiceCollection AddPulseCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PulseCommands>();
        return services;
    }
}
