using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Web.Tests;

/// <summary>
/// The real host from Program.cs with settings of the test's choosing. Settings go in through UseSetting
/// because Program reads them while building, before the factory's later configuration hooks run.
/// </summary>
public sealed class PulseAppFactory(IReadOnlyDictionary<string, string?> settings, string environment) : WebApplicationFactory<Program>
{
    private Action<IServiceCollection>? testServices;

    public LogCollector Logs { get; } = new();

    /// <summary>The SQLite file of this host, or null on PostgreSQL.</summary>
    public string? SqliteFile { get; } = settings.GetValueOrDefault("Storage:SqlitePath");

    public static PulseAppFactory Sqlite(string environment = "Development", params (string Key, string? Value)[] extra) =>
        new(With(extra, ("Storage:Provider", "sqlite"), ("Storage:SqlitePath", Path.Combine(Path.GetTempPath(), $"pulse-web-{Guid.NewGuid():N}.db"))),
            environment);

    public static PulseAppFactory Postgres(string connectionString, params (string Key, string? Value)[] extra) =>
        new(With(extra, ("Storage:Provider", "postgres"), ("ConnectionStrings:Pulse", connectionString)), "Development");

    /// <summary>Replaces services after the app has added its own (a fake clock); call before the host starts.</summary>
    public PulseAppFactory WithServices(Action<IServiceCollection> configure)
    {
        testServices += configure;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        if (testServices is not null)
        {
            builder.ConfigureTestServices(testServices);
        }

        // Test hosts load the model only when a test encodes (hundreds of hosts, most never do), unless it asks.
        if (!settings.ContainsKey("Meaning:WarmUp"))
        {
            builder.UseSetting("Meaning:WarmUp", "false");
        }

        // A null value means "not set", so the app's own default applies.
        foreach (var (key, value) in settings.Where(s => s.Value is not null))
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (SqliteFile is not null)
        {
            foreach (var file in new[] { SqliteFile, SqliteFile + "-wal", SqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>The storage settings, then the test's own, which win.</summary>
    private static Dictionary<string, string?> With((string Key, string? Value)[] extra, params (string Key, string? Value)[] storage)
    {
        var settings = new Dictionary<string, string?>();
        foreach (var (key, value) in storage.Concat(extra))
        {
            settings[key] = value;
        }

        return settings;
    }
}
