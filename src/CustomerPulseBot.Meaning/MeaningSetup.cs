using CustomerPulseBot.Core.Meaning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerPulseBot.Meaning;

public static class MeaningSetup
{
    /// <summary>The sentence encoder (<see cref="ITextEncoder"/>), one per host, its model loaded on first use.</summary>
    public static IServiceCollection AddMeaning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MeaningOptions>()
            .Bind(configuration.GetSection(MeaningOptions.Section))
            .Validate(options => options.Threads is >= 1 and <= 64, "Meaning:Threads must be 1 to 64.")
            .ValidateOnStart();
        services.AddSingleton(provider => new MiniLmEncoder(
            provider.GetRequiredService<IOptions<MeaningOptions>>().Value, provider.GetRequiredService<ILogger<MiniLmEncoder>>()));
        services.AddSingleton<ITextEncoder>(provider => provider.GetRequiredService<MiniLmEncoder>());
        services.AddHostedService<ModelWarmUp>();
        return services;
    }
}
