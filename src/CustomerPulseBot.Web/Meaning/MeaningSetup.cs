using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Meaning;

namespace CustomerPulseBot.Web.Meaning;

public static class MeaningSetup
{
    /// <summary>
    /// The meaning features, the capture-time vector queue and the backfill job, when an <see cref="ITextEncoder"/> is
    /// registered before this call (the Meaning project's <c>AddMeaning</c>); without one the host runs with them off.
    /// </summary>
    public static IServiceCollection AddMeaningJobs(this IServiceCollection services)
    {
        if (!services.Any(s => s.ServiceType == typeof(ITextEncoder)))
        {
            return services;
        }

        services.AddPulseMeaning();
        services.AddSingleton<VectorQueue>();
        services.AddSingleton<IVectorQueue>(provider => provider.GetRequiredService<VectorQueue>());
        services.AddHostedService(provider => provider.GetRequiredService<VectorQueue>());
        services.AddTransient<VectorBackfillJob>();
        services.AddHostedService<VectorBackfillStart>();
        return services;
    }
}
