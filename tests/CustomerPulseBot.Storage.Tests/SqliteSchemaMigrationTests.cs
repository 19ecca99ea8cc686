using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CustomerPulseBot.Storage.Tests;

public sealed class SqliteSchemaMigrationTests : SchemaMigrationTests, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("pulse-migrations-").FullName;

    protected override string Dialect => "Sqlite";

    protected override Task<Dictionary<string, string?>> NewDatabaseAsync() => Task.FromResult(new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "sqlite",
        // A folder that does not exist yet: the migrator creates it, as on a first start.
        ["Storage:SqlitePath"] = Path.Combine(folder, Guid.NewGuid().ToString("N"), "pulse.db"),
    });

    protected override async Task<DbConnection> OpenAsync(Dictionary<string, string?> database)
    {
        var connection = new SqliteConnection($"Data Source={database["Storage:SqlitePath"]}");
        await connection.OpenAsync();
        return connection;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
