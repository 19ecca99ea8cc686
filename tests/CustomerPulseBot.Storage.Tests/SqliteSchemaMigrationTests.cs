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
        // A test may write the schema of an older build before the migrator has created the folder (the path always has one).
        Directory.CreateDirectory(Path.GetDirectoryName(database["Storage:SqlitePath"])!);
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
