using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage.Tests;

public sealed class SqliteEventReceiptsTests(SqliteDatabase database) : EventReceiptsContractTests, IClassFixture<SqliteDatabase>
{
    protected override IEventReceipts Receipts => (IEventReceipts)database.Store;
}
