using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPulseBot.Storage.Tests;

public sealed class SqlitePulseStoreTests(SqliteDatabase database) : PulseStoreContractTests, IClassFixture<SqliteDatabase>
{
    protected override IPulseStore Store => database.Store;

    protected override async Task<WriteHold> HoldWritesAsync(Workspace workspace) => await SqliteFileLock.TakeAsync(database.Path);
    [Fact]
    public async Task RefusesWritesButAnswers_WhileAnotherConnectionHoldsTheWriteLock()
    {
        var store = new SqlitePulseStore(database.Path, new FakeTimeProvider(Now), TimeSpan.FromMilliseconds(100));
        await using var holder = new SqliteConnection($"Data Source={database.Path}");
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();

        var writesWhileHeld = await store.AcceptsWritesAsync(CancellationToken.None);
        var readsWhileHeld = await store.PingAsync(CancellationToken.None);
        await transaction.RollbackAsync();
        var writesAfter = await store.AcceptsWritesAsync(CancellationToken.None);

        Assert.Equal((false, true, true), (writesWhileHeld, readsWhileHeld, writesAfter));
    }

    [Fact]
    public async Task LeavesNoSearchEntry_WhenACustomerIsForgotten()
    {
        var workspace = await Store.ResolveWorkspaceAsync(Platform.Slack, $"T{Guid.NewGuid():N}", "Test team", CancellationToken.None);
        // The search index is shared by every workspace in the file: a word no other test writes.
        var word = $"hang{Guid.NewGuid():N}";
        var signal = NewSignal(workspace, $"Acme exports {word}", customer: "Acme");
        await Store.AddSignalAsync(workspace.Id, signal, CancellationToken.None);

        await Store.ForgetCustomerAsync(workspace.Id, "Acme", CancellationToken.None);

        await using var connection = new SqliteConnection($"Data Source={database.Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM signal_search_rows WHERE signal_id = $id)
                 + (SELECT count(*) FROM signal_search WHERE signal_search MATCH $word)
            """;
        command.Parameters.AddWithValue("$id", signal.Id);
        command.Parameters.AddWithValue("$word", word);
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }
}
