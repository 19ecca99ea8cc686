using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using CustomerPulseBot.TestKit;
using Npgsql;

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

/// <summary>
/// The built app started in a process of its own, as a person starts it. A setting to fix or a database that is not
/// there ends it with exit code 1 and one line naming the setting, with no stack trace and no password; a good start
/// prints the playground's address.
/// </summary>
[Collection(PostgresDatabase.Name)]
public sealed class StartupProcessTests(PostgresFixture postgres) : IDisposable
{
    private const string Secret = "Sw0rdfish-not-to-be-printed";

    private readonly string sqlite = Path.Combine(Path.GetTempPath(), $"pulse-start-{Guid.NewGuid():N}.db");

    [Theory]
    [InlineData("no connection string", "ConnectionStrings:Pulse")]
    [InlineData("malformed connection string", "ConnectionStrings:Pulse")]
    [InlineData("database down", "ConnectionStrings:Pulse")]
    [InlineData("wrong password", "ConnectionStrings:Pulse")]
    [InlineData("unknown storage provider", "Storage:Provider")]
    [InlineData("Slack without a signing secret", "Slack:SigningSecret")]
    [InlineData("Slack install with an unprotected key ring", "DataProtection:KeyRingKey")]
    [InlineData("a key ring key that is not one", "DataProtection:KeyRingKey")]
    [InlineData("Teams without a password", "Teams:AppPassword")]
    [InlineData("Hangfire with no workers", "Hangfire:WorkerCount")]
    public async Task ExitsWithOneLineNamingTheSetting_WhenStartUpCannotGoOn(string fault, string setting)
    {
        var settings = Settings(fault);
        await using var app = AppProcess.Start(settings);

        var exitCode = await app.ExitCodeAsync();

        Assert.Equal(1, exitCode);
        var line = Assert.Single(app.Stderr);
        Assert.Contains(setting, line);
        Assert.DoesNotContain(Secret, app.Output);
        Assert.DoesNotContain("   at ", app.Output);
        Assert.DoesNotContain("Unhandled exception", app.Output);
        if (fault == "database down")
        {
            Assert.Contains(app.Stdout, l => l.Contains("try 1 failed", StringComparison.Ordinal) && l.Contains("Storage:StartupWait", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TriesAgainUntilTheDatabaseAnswers_WhenItIsNotUpYet()
    {
        var empty = await postgres.CreateDatabaseAsync(); // a database of its own: the app migrates it and runs its jobs there
        var target = new NpgsqlConnectionStringBuilder(empty);
        var port = FreePort();
        var late = new NpgsqlConnectionStringBuilder(empty) { Host = "127.0.0.1", Port = port };
        await using var app = AppProcess.Start(new Dictionary<string, string?>
        {
            ["Storage__Provider"] = "postgres",
            ["ConnectionStrings__Pulse"] = late.ConnectionString,
            ["Storage__StartupWait"] = "00:01:00",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
        }, "--urls", "http://127.0.0.1:0");

        await app.LineAsync(l => l.Contains("try 1 failed", StringComparison.Ordinal));
        await using var database = new TcpProxy(target.Host!, target.Port, port); // the fixture's connection string names a host
        var playground = await app.LineAsync(l => l.Contains("Playground: ", StringComparison.Ordinal));

        Assert.Matches(@"Playground: http://127\.0\.0\.1:\d+/playground", playground);
        Assert.Empty(app.Stderr);
    }

    [Theory]
    [InlineData("--urls")]
    [InlineData("ASPNETCORE_URLS")]
    public async Task PrintsThePlaygroundAddressAndOpensItAtTheRoot_WhenDotnetRunIsToldWhereToListen(string how)
    {
        var settings = new Dictionary<string, string?> { ["Storage__SqlitePath"] = sqlite };
        string[] arguments = [];
        if (how == "--urls")
        {
            arguments = ["--urls", "http://127.0.0.1:0"];
        }
        else
        {
            settings["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        }

        await using var app = AppProcess.DotnetRun(settings, arguments);
        var line = await app.LineAsync(l => l.Contains("Playground: ", StringComparison.Ordinal));
        var address = Regex.Match(line, @"http://127\.0\.0\.1:(\d+)/playground").Value;
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var root = await http.GetAsync(new Uri(new Uri(address), "/"));
        using var page = await http.GetAsync(address);

        Assert.NotEqual("", address);
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/playground", root.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    public void Dispose()
    {
        foreach (var file in new[] { sqlite, sqlite + "-wal", sqlite + "-shm" })
        {
            File.Delete(file);
        }
    }

    private Dictionary<string, string?> Settings(string fault)
    {
        var wrongPassword = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Password = Secret };
        var nobodyListens = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Host = "127.0.0.1", Port = FreePort(), Password = Secret };
        var settings = new Dictionary<string, string?> { ["Storage__SqlitePath"] = sqlite };
        var fromFault = fault switch
        {
            "no connection string" => new Dictionary<string, string?> { ["Storage__Provider"] = "postgres" },
            "malformed connection string" => new() { ["Storage__Provider"] = "postgres", ["ConnectionStrings__Pulse"] = $"Host=127.0.0.1;Prot=5432;Password={Secret}" },
            "database down" => new() { ["Storage__Provider"] = "postgres", ["ConnectionStrings__Pulse"] = nobodyListens.ConnectionString, ["Storage__StartupWait"] = "00:00:02" },
            "wrong password" => new() { ["Storage__Provider"] = "postgres", ["ConnectionStrings__Pulse"] = wrongPassword.ConnectionString },
            "unknown storage provider" => new() { ["Storage__Provider"] = "mongodb" },
            "Slack without a signing secret" => new() { ["Slack__BotToken"] = "xoxb-1" },
            "Slack install with an unprotected key ring" =>
                new() { ["Slack__SigningSecret"] = "s", ["Slack__ClientId"] = "cid.1", ["Slack__ClientSecret"] = Secret },
            "a key ring key that is not one" => new() { ["DataProtection__KeyRingKey"] = Convert.ToBase64String("Sw0rdfish"u8) + Secret },
            "Teams without a password" => new() { ["Teams__AppId"] = "6a1e5a53-0000-4000-8000-00000000b07a" },
            "Hangfire with no workers" => new() { ["Hangfire__WorkerCount"] = "0" },
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "not a start-up fault of this test"),
        };
        foreach (var (key, value) in fromFault)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A port on 127.0.0.1 that nothing listens on (a moment ago), so connecting is refused.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
