using CustomerPulseBot.Core.Meaning;
using CustomerPulseBot.Meaning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPulseBot.TestKit.Meaning;

/// <summary>
/// The product's sentence encoder with the real model, as the host registers it, loaded once per test run and shared
/// (it is thread-safe; loading it costs about a second and 150 MB).
/// </summary>
public static class RealModel
{
    private static readonly Lazy<ITextEncoder> Loaded = new(() => new ServiceCollection()
        .AddLogging()
        .AddMeaning(new ConfigurationBuilder().Build())
        .BuildServiceProvider()
        .GetRequiredService<ITextEncoder>());

    public static ITextEncoder Encoder => Loaded.Value;
}
