using CustomerPulseBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace CustomerPulseBot.TestKit;

/// <summary>
/// A fresh PostgreSQL database for one test run, migrated through the same start-up path as the app, on
/// the server that <c>PULSE_TEST_POSTGRES</c> names. Without that variable every test using the fixture
/// fails with instructions: PostgreSQL tests never skip quietly. The databases it creates are dropped at
/// the end of the run.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string Variable = "PULSE_TEST_POSTGRES";

    private readonly List<string> databases = [];

    /// <summary>The migrated database of this run.</summary>
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = StorageOptions.Postgres,
            ["ConnectionStrings:Pulse"] = ConnectionString,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var services = new ServiceCollection().AddPulseStorage(configuration).BuildServiceProvider();
        await services.MigrateStorageAsync();
    }

    /// <summary>Another database, empty (not migrated), dropped with the others: for migration tests.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken ct = default)
    {
        var server = ServerConnectionString();
        var name = $"pulse_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection); // a name of hex digits
            await create.ExecuteNonQueryAsync(ct);
        }

        databases.Add(name);
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (databases.Count == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString());
        await connection.OpenAsync();
        foreach (var name in databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static string ServerConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        throw new InvalidOperationException(inCi
            ? $"{Variable} is not set in CI. The CI script must start PostgreSQL and export its connection string (see .ci/run); PostgreSQL tests never skip."
            : $"{Variable} is not set, so the PostgreSQL tests cannot run (they fail rather than skip). Start a throwaway server with " +
              "`.ci/postgres.sh start /tmp/pulse-pg 55432` (as root), then " +
              $"`export {Variable}=\"Host=127.0.0.1;Port=55432;Database=pulse;Username=pulse;Password=pulse\"` and run the tests again.");
    }
}
