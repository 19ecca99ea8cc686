using CustomerPulseBot.Core;

namespace CustomerPulseBot.Storage.Tests;

public sealed class SqliteDigestStoreTests(SqliteDatabase database) : DigestStoreContractTests, IClassFixture<SqliteDatabase>
{
    protected override IPulseStore Store => database.Store;
}
