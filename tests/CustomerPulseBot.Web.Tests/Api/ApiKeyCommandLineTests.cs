using System.Net;
using System.Net.Http.Headers;
using CustomerPulseBot.Core;
using CustomerPulseBot.Core.ApiKeys;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPulseBot.Web.Tests.Api;

/// <summary>
/// <c>api-key create</c> as a person runs it: the built app in a process of its own, on the same SQLite file a host then
/// serves, so the key it prints is tried against the API.
/// </summary>
public sealed class ApiKeyCommandLineTests : IAsyncLifetime
{
    private readonly string sqlite = Path.Combine(Path.GetTempPath(), $"pulse-cli-{Guid.NewGuid():N}.db");
    private PulseAppFactory host = null!; // set in InitializeAsync

    public async Task InitializeAsync()
    {
        host = PulseAppFactory.Sqlite("Development", ("Storage:SqlitePath", sqlite));
        var store = host.Services.GetRequiredService<IPulseStore>();
        await store.ResolveWorkspaceAsync(Platform.Slack, "T0ACME", "Acme Support", CancellationToken.None);
        await store.ResolveWorkspaceAsync(Platform.Slack, "T0TWIN1", "Twins", CancellationToken.None);
        await store.ResolveWorkspaceAsync(Platform.Teams, "tenant-twin-2", "Twins", CancellationToken.None);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task PrintsAWriteKeyAloneOnTheLastLineThatTheApiAccepts_WhenTheWorkspaceIsNamed()
    {
        await using var cli = AppProcess.Start(Settings(), "api-key", "create", "--workspace", "acme support", "--scope", "write", "--name", "crm sync");

        var exitCode = await cli.ExitCodeAsync();

        Assert.True(exitCode == 0, cli.Output);
        var key = cli.Stdout.Last();
        Assert.Matches("^pk_[A-Za-z0-9_-]{43}$", key);
        Assert.DoesNotContain(cli.Output.Split('\n'), l => l.Contains("Now listening", StringComparison.Ordinal));
        var http = host.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var added = await http.PostAsync("/api/v1/signals", ApiClient.Json("""{"quote":"Added with the key from the command line"}"""));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var stored = Assert.Single(await host.Services.GetRequiredService<IApiKeyStore>().ListApiKeysAsync(
            (await host.Services.GetRequiredService<IApiKeyStore>().FindWorkspacesAsync("T0ACME", CancellationToken.None)).Single().Id, CancellationToken.None));
        Assert.Equal(("crm sync", ApiKeyScope.Write, "command line"), (stored.Name, stored.Scope, stored.CreatedBy));
    }

    [Fact]
    public async Task MakesAReadKey_WhenNoScopeIsGiven()
    {
        await using var cli = AppProcess.Start(Settings(), "api-key", "create", "--workspace", "T0ACME");

        Assert.Equal(0, await cli.ExitCodeAsync());
        var http = host.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", cli.Stdout.Last());
        using var read = await http.GetAsync("/api/v1/signals");
        using var write = await http.PostAsync("/api/v1/signals", ApiClient.Json("""{"quote":"A read key cannot add this"}"""));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    [Theory]
    [InlineData("Nobody Inc", "No workspace")]
    [InlineData("twins", "Several workspaces")]
    public async Task SaysWhyOnOneLineAndExits1_WhenTheWorkspaceIsUnknownOrAmbiguous(string workspace, string said)
    {
        await using var cli = AppProcess.Start(Settings(), "api-key", "create", "--workspace", workspace);

        Assert.Equal(1, await cli.ExitCodeAsync());
        var line = Assert.Single(cli.Stderr);
        Assert.StartsWith(said, line);
        Assert.DoesNotContain(cli.Stdout, l => l.StartsWith(ApiKeys.Prefix, StringComparison.Ordinal));
        if (said == "Several workspaces")
        {
            var twins = await host.Services.GetRequiredService<IApiKeyStore>().FindWorkspacesAsync("Twins", CancellationToken.None);
            Assert.All(twins, t => Assert.Contains(t.Id.ToString(), line));
        }
    }

    [Theory]
    [InlineData("api-key")]
    [InlineData("api-key", "list")]
    [InlineData("api-key", "create")]
    [InlineData("api-key", "create", "--workspace")]
    [InlineData("api-key", "create", "--workspace", "Acme Support", "--scope", "admin")]
    [InlineData("api-key", "create", "--workspace", "Acme Support", "--colour", "blue")]
    public async Task PrintsUsageAndExits2_WhenTheArgumentsAreWrong(params string[] arguments)
    {
        await using var cli = AppProcess.Start(Settings(), arguments);

        Assert.Equal(2, await cli.ExitCodeAsync());
        Assert.StartsWith("Usage: dotnet run --project src/CustomerPulseBot.Web -- api-key create", cli.Stderr.First());
        Assert.Empty(cli.Stdout);
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Storage__Provider"] = "sqlite",
        ["Storage__SqlitePath"] = sqlite,
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
    };
}
