using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Core;
using CustomerPulseBot.TestKit;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CustomerPulseBot.Storage.Tests;

[Collection(PostgresDatabase.Name)]
public sealed class PostgresPulseStoreTests(PostgresFixture postgres) : PulseStoreContractTests, IAsyncLifetime
{
    private readonly PostgresPulseStore store = PostgresPulseStore.Create(postgres.ConnectionString, new FakeTimeProvider(Now));

    protected override IPulseStore Store => store;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await store.DisposeAsync();

    protected override async Task<WriteHold> HoldWritesAsync(Workspace workspace) =>
        await UncommittedTheme.InsertAsync(postgres.ConnectionString, workspace);

    [Fact]
    public async Task AgreesOnTheWorkspace_WhenTwoHostsMeetANewTeamAtOnce()
    {
        await using var other = PostgresPulseStore.Create(postgres.ConnectionString, new FakeTimeProvider(Now));
        var externalId = $"T{Guid.NewGuid():N}";

        var both = await Task.WhenAll(
            store.ResolveWorkspaceAsync(Platform.Slack, externalId, "Acme", CancellationToken.None),
            other.ResolveWorkspaceAsync(Platform.Slack, externalId, "Acme", CancellationToken.None));
        var again = await other.ResolveWorkspaceAsync(Platform.Slack, externalId, "Acme renamed", CancellationToken.None);

        Assert.Equal(both[0], both[1]);
        Assert.Equal(both[0], again); // what each host keeps is the one row both read
    }

    [Fact]
    public async Task SeesAnotherHostsSettingsChange_WithinAMinute()
    {
        var clock = new FakeTimeProvider(Now);
        await using var other = PostgresPulseStore.Create(postgres.ConnectionString, clock);
        var externalId = $"T{Guid.NewGuid():N}";
        var workspace = await other.ResolveWorkspaceAsync(Platform.Slack, externalId, "Acme", CancellationToken.None);

        await store.SaveWorkspaceSettingsAsync(workspace.Id, "America/Chicago", DayOfWeek.Sunday, null, null, CancellationToken.None);
        var soon = await other.ResolveWorkspaceAsync(Platform.Slack, externalId, "Acme", CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        var later = await other.ResolveWorkspaceAsync(Platform.Slack, externalId, "Acme", CancellationToken.None);

        Assert.Equal(workspace, soon); // kept: resolving costs no round trip
        Assert.Equal(workspace with { TimeZone = "America/Chicago", WeekStart = DayOfWeek.Sunday }, later);
    }

    /// <summary>
    /// <see cref="PulseStoreContractTests.HeldTheme"/> inserted by a transaction left open: a capture naming it waits
    /// on the unique index until the transaction ends (rolled back on dispose, so the capture creates the theme).
    /// </summary>
    private sealed class UncommittedTheme(NpgsqlConnection connection, NpgsqlTransaction transaction, NpgsqlConnection watcher) : WriteHold
    {
        public static async Task<UncommittedTheme> InsertAsync(string connectionString, Workspace workspace)
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var transaction = await connection.BeginTransactionAsync();
            await using var insert = new NpgsqlCommand(
                "INSERT INTO themes (id, workspace_id, name, status, created_at) VALUES (gen_random_uuid(), $1, $2, 'open', 0)", connection, transaction);
            insert.Parameters.Add(new NpgsqlParameter { Value = workspace.Id.Value });
            insert.Parameters.Add(new NpgsqlParameter { Value = HeldTheme });
            await insert.ExecuteNonQueryAsync();
            var watcher = new NpgsqlConnection(connectionString);
            await watcher.OpenAsync();
            return new UncommittedTheme(connection, transaction, watcher);
        }

        public override Task UntilWaitingAsync(int count) => UntilBlockedAsync(blocked => blocked >= count);

        public override Task UntilNoneWaitsAsync() => UntilBlockedAsync(blocked => blocked == 0);

        /// <summary>Asks the server until the number of sessions waiting for this one's lock is <paramref name="enough"/> (30 s at most, then fails).</summary>
        private async Task UntilBlockedAsync(Func<long, bool> enough)
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await using var blocked = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE $1 = ANY (pg_blocking_pids(pid))", watcher);
            blocked.Parameters.Add(new NpgsqlParameter { Value = connection.ProcessID });
            while (!enough((long)(await blocked.ExecuteScalarAsync(limit.Token))!)) // count(*) is never null
            {
            }
        }

        public override async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
            await watcher.DisposeAsync();
        }
    }
}
