using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CustomerPulseBot.Storage.Tests;

/// <summary>
/// The SQLite store's one writer on a file of its own, counting the commits of its connections (SQLite's commit
/// hook): writes that queue while another connection holds the lock commit together, each in a savepoint.
/// </summary>
public sealed class SqliteWriterTests : IAsyncLifetime
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"pulse-writer-{Guid.NewGuid():N}.db");
    private readonly SqliteWriter writer;
    private int commits;

    public SqliteWriterTests()
    {
        writer = new SqliteWriter(OpenCountingCommitsAsync);
    }

    public async Task InitializeAsync()
    {
        await using var connection = await OpenCountingCommitsAsync(CancellationToken.None);
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL; CREATE TABLE notes (id integer PRIMARY KEY)");
        commits = 0;
    }

    public async Task DisposeAsync()
    {
        await writer.DisposeAsync();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task CommitsTheWritesQueuedBehindTheLockTogether_ButNotTheOneThatFails()
    {
        Task<int>[] queued;
        await using (await SqliteFileLock.TakeAsync(path))
        {
            queued = [Insert(1), Insert(2), Insert(1), Insert(3)]; // the second 1 breaks the primary key
        }

        var failed = await Record.ExceptionAsync(() => queued[2]);
        await Task.WhenAll(queued[0], queued[1], queued[3]);

        Assert.IsType<SqliteException>(failed);
        Assert.Equal(1, commits);
        Assert.Equal([1, 2, 3], await NotesAsync());
    }

    [Fact]
    public async Task NeverRunsAWrite_WhenItsCallerGaveUpWhileItWaited()
    {
        using var cancel = new CancellationTokenSource();

        Task<int> givenUp, next;
        await using (await SqliteFileLock.TakeAsync(path))
        {
            givenUp = Insert(1, cancel.Token);
            next = Insert(2);
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => givenUp);
        }

        await next;

        Assert.Equal([2], await NotesAsync());
    }

    [Fact]
    public async Task WritesEveryQueuedWrite_BeforeItIsDisposed()
    {
        Task<int>[] queued;
        await using (await SqliteFileLock.TakeAsync(path))
        {
            queued = [Insert(1), Insert(2), Insert(3)];
        }

        await writer.DisposeAsync();

        Assert.All(queued, write => Assert.True(write.IsCompletedSuccessfully));
        Assert.Equal([1, 2, 3], await NotesAsync());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => Insert(4));
    }

    private Task<int> Insert(int id, CancellationToken ct = default) =>
        writer.WriteAsync((connection, transaction, token) => ExecuteAsync(connection, transaction, $"INSERT INTO notes (id) VALUES ({id})", token), ct);

    private async Task<List<long>> NotesAsync()
    {
        await using var connection = await OpenCountingCommitsAsync(CancellationToken.None);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT id FROM notes ORDER BY id";
        var ids = new List<long>();
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private async ValueTask<DbConnection> OpenCountingCommitsAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        raw.sqlite3_commit_hook(connection.Handle, _ =>
        {
            Interlocked.Increment(ref commits);
            return 0; // let it commit
        }, null);
        await ExecuteAsync(connection, null, "PRAGMA busy_timeout = 30000", ct);
        return connection;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(ct);
    }
}
