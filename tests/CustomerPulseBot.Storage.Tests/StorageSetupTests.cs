using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Digests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerPulseBot.Storage.Tests;

public sealed class StorageSetupTests
{
    [Fact]
    public void UsesSqliteInTheWorkingDirectory_WhenNothingIsConfigured()
    {
        using var services = Services([]);

        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var store = services.GetRequiredService<IPulseStore>();
        var digests = services.GetRequiredService<IDigestStore>();

        Assert.Equal("sqlite", options.Provider);
        Assert.Equal("customerpulse.db", options.SqlitePath);
        Assert.IsType<SqlitePulseStore>(store);
        Assert.Same(store, digests);
    }

    [Fact]
    public void UsesPostgres_WhenConfigured()
    {
        using var services = Services(new()
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Pulse"] = "Host=127.0.0.1;Database=pulse;Username=pulse;Password=secret",
        });

        var store = services.GetRequiredService<IPulseStore>();

        Assert.IsType<PostgresPulseStore>(store);
    }

    [Fact]
    public void RefusesToStart_WhenTheProviderIsUnknown()
    {
        using var services = Services(new() { ["Storage:Provider"] = "mongodb" });

        var error = Record.Exception(() => services.GetRequiredService<IPulseStore>());

        Assert.IsType<OptionsValidationException>(error);
        Assert.Contains("Storage:Provider", error.Message);
        Assert.Contains("\"mongodb\"", error.Message);
    }

    [Fact]
    public void RefusesToStart_WhenPostgresHasNoConnectionString()
    {
        using var services = Services(new() { ["Storage:Provider"] = "postgres" });

        var error = Record.Exception(() => services.GetRequiredService<IPulseStore>());

        Assert.IsType<OptionsValidationException>(error);
        Assert.Contains("ConnectionStrings:Pulse", error.Message);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:02")]
    public void RefusesToStart_WhenTheTimeoutIsNotWithinTheReplysTimeForWork(string timeout)
    {
        using var services = Services(new() { ["Storage:Timeout"] = timeout });

        var error = Record.Exception(() => services.GetRequiredService<IPulseStore>());

        Assert.IsType<OptionsValidationException>(error);
        Assert.Contains($"Storage:Timeout is {timeout}", error.Message);
    }

    [Fact]
    public void WaitsOneAndAHalfSecondsAtMost_WhenNoTimeoutIsConfigured()
    {
        using var services = Services([]);

        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(1.5), options.Timeout);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddPulseStorage(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
}
