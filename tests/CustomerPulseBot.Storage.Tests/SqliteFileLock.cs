using Microsoft.Data.Sqlite;

namespace CustomerPulseBot.Storage.Tests;

/// <summary>
/// A SQLite file's write lock (BEGIN IMMEDIATE) held by a connection as another process would hold it: the store's
/// writer waits for it, and every write queued meanwhile waits in memory. Released (rolled back) on dispose.
/// </summary>
internal sealed class SqliteFileLock(SqliteConnection connection) : WriteHold
{
    public static async Task<SqliteFileLock> TakeAsync(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        await begin.ExecuteNonQueryAsync();
        return new SqliteFileLock(connection);
    }

    /// <summary>A write waits in memory as soon as the call that queued it returns, so there is nothing to wait for.</summary>
    public override Task UntilWaitingAsync(int count) => Task.CompletedTask;

    public override async ValueTask DisposeAsync()
    {
        await using (var rollback = connection.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        await connection.DisposeAsync();
    }
}
