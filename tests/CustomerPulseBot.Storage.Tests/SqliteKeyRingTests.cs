using Microsoft.Data.Sqlite;

namespace CustomerPulseBot.Storage.Tests;

public sealed class SqliteKeyRingTests : KeyRingContractTests
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"pulse-keyring-{Guid.NewGuid():N}.db");

    protected override Task<Dictionary<string, string?>> NewDatabaseAsync() =>
        Task.FromResult(new Dictionary<string, string?> { ["Storage:Provider"] = "sqlite", ["Storage:SqlitePath"] = path });

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }
}
