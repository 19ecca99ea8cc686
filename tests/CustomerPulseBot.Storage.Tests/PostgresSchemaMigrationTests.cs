using System.Collections.Concurrent;
using System.Data.Common;
using CustomerPulseBot.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CustomerPulseBot.Storage.Tests;

[Collection(PostgresDatabase.Name)]
public sealed class PostgresSchemaMigrationTests(PostgresFixture postgres) : SchemaMigrationTests
{
    protected override string Dialect => "Postgres";

    protected override async Task<Dictionary<string, string?>> NewDatabaseAsync() => new()
    {
        ["Storage:Provider"] = "postgres",
        ["ConnectionStrings:Pulse"] = await postgres.CreateDatabaseAsync(),
    };

    protected override async Task<DbConnection> OpenAsync(Dictionary<string, string?> database)
    {
        var connection = new NpgsqlConnection(database["ConnectionStrings:Pulse"]);
        await connection.OpenAsync();
        return connection;
    }

    [Fact]
    public async Task LogsNoConnectionString_WhenMigrating()
    {
        var database = await NewDatabaseAsync();
        var logs = new RecordingLogs();
        await using var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddPulseStorage(new ConfigurationBuilder().AddInMemoryCollection(database).Build())
            .BuildServiceProvider();

        await services.MigrateStorageAsync();

        Assert.NotEmpty(logs.Lines);
        var password = new NpgsqlConnectionStringBuilder(database["ConnectionStrings:Pulse"]).Password!;
        Assert.DoesNotContain(logs.Lines, line => line.Contains(password) || line.Contains("Password=", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SaysItIsWaiting_WhenAnotherHostHoldsTheMigrationLock()
    {
        var database = await NewDatabaseAsync();
        var logs = new RecordingLogs();
        await using var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs))
            .AddPulseStorage(new ConfigurationBuilder().AddInMemoryCollection(database).Build())
            .BuildServiceProvider();
        await using var otherHost = await OpenAsync(database);
        await using (var take = otherHost.CreateCommand())
        {
            take.CommandText = $"SELECT pg_advisory_lock({PostgresPulseStore.MigrationLock})";
            await take.ExecuteNonQueryAsync();
        }

        var migrating = services.MigrateStorageAsync();
        await logs.Logged("Waiting for the migration lock").WaitAsync(TimeSpan.FromSeconds(30));
        var waited = !migrating.IsCompleted;
        await using (var release = otherHost.CreateCommand())
        {
            release.CommandText = $"SELECT pg_advisory_unlock({PostgresPulseStore.MigrationLock})";
            await release.ExecuteNonQueryAsync();
        }

        await migrating.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(waited);
        Assert.Contains(logs.Lines, line => line.StartsWith("Took the migration lock after", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.StartsWith("Applied Postgres migration 1", StringComparison.Ordinal));
    }

    /// <summary>Every log line, formatted, with the values of its placeholders.</summary>
    private sealed class RecordingLogs : ILoggerProvider, ILogger
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource> awaited = new();

        public ConcurrentQueue<string> Lines { get; } = new();

        /// <summary>Completes once a line containing <paramref name="text"/> is logged (from now on).</summary>
        public Task Logged(string text) => awaited.GetOrAdd(text, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            var line = $"{formatter(state, exception)} {values} {exception}";
            Lines.Enqueue(line);
            foreach (var (text, logged) in awaited)
            {
                if (line.Contains(text, StringComparison.Ordinal))
                {
                    logged.TrySetResult();
                }
            }
        }

        public void Dispose()
        {
        }
    }
}
