namespace CustomerPulseBot.Web.Tests;

public sealed class StartupTests
{
    [Fact]
    public async Task RefusesToStart_WhenTheStorageProviderIsUnknown()
    {
        await using var app = PulseAppFactory.Sqlite("Development", ("Storage:Provider", "mongodb"));

        var error = Record.Exception(() => app.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("Storage:Provider", error.Message);
        Assert.Contains("mongodb", error.Message);
    }
}
