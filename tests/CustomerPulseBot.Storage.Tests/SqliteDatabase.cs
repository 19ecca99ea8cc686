using CustomerPulseBot.Core;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPulseBot.Storage.Tests;

/// <summary>A migrated SQLite file in the temp folder for one test class, deleted afterwards.</summary>
public sealed class SqliteDatabase : IAsyncLifetime
{
    private readonly string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pulse-storage-{Guid.NewGuid():N}.db");
    private readonly SqlitePulseStore store;

    public SqliteDatabase()
    {
        store = new SqlitePulseStore(path, new FakeTimeProvider(PulseStoreContractTests.Now));
    }

    public IPulseStore Store => store;

    /// <summary>The file, for a test that opens connections of its own.</summary>
    public string Path => path;

    public Task InitializeAsync() => store.MigrateAsync(NullLogger.Instance, CancellationToken.None);

    public async Task DisposeAsync()
    {
        await store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
