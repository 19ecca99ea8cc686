using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage.Tests;

public sealed class SqlitePulseStoreTests(SqliteDatabase database) : PulseStoreContractTests, IClassFixture<SqliteDatabase>
{
    protected override IPulseStore Store => database.Store;

    protected override async Task<WriteHold> HoldWritesAsync(Workspace workspace) => await SqliteFileLock.TakeAsync(database.FilePath);
}
