using CustomerPulseBot.Core;

namespace CustomerPulseBot.Storage.Tests;

public sealed class SqliteCustomerStoreTests(SqliteDatabase database) : CustomerStoreContractTests, IClassFixture<SqliteDatabase>
{
    protected override IPulseStore Store => database.Store;
}
