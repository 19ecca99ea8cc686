using CustomerPulseBot.Core;

namespace CustomerPulseBot.Storage.Tests;

public sealed class SqlitePostOnceTests(SqliteDatabase database) : PostOnceTests, IClassFixture<SqliteDatabase>
{
    protected override IPulseStore Store => database.Store;
}
