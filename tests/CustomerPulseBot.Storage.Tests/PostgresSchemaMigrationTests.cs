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

    /// <summary>Every log line, formatted, with the values of its placeholders.</summary>
    private sealed class RecordingLogs : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            Lines.Enqueue($"{formatter(state, exception)} {values} {exception}");
        }

        public void Dispose()
        {
        }
    }
}
