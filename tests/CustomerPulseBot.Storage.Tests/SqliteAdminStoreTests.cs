using CustomerPulseBot.Core;

namespace CustomerPulseBot.Storage.Tests;

public sealed class SqliteAdminStoreTests(SqliteDatabase database) : AdminStoreContractTests, IClassFixture<SqliteDatabase>
{
    protected override IPulseStore Store => database.Store;
}
