using CustomerPulseBot.Core.Meaning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerPulseBot.Meaning.Tests;

public sealed class MeaningSetupTests
{
    [Fact]
    public void RegistersOneEncoderPerHost_WithoutLoadingTheModel()
    {
        using var services = Build(new() { ["Meaning:ModelCache"] = "/nonexistent/never/created" });

        var first = services.GetRequiredService<ITextEncoder>();
        var second = services.GetRequiredService<ITextEncoder>();

        Assert.Same(first, second);
        Assert.Equal("all-MiniLM-L6-v2/24.9.52193", first.Model);
        Assert.False(Directory.Exists("/nonexistent/never/created"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65")]
    public void RefusesThreads_OutsideOneTo64(string threads)
    {
        using var services = Build(new() { ["Meaning:Threads"] = threads });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MeaningOptions>>().Value);

        Assert.Contains("Meaning:Threads", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) => new ServiceCollection()
        .AddLogging()
        .AddMeaning(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
        .BuildServiceProvider();
}
