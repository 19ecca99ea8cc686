using CustomerPulseBot.Core;

namespace CustomerPulseBot.Storage.Tests;

public sealed class SqlitePulseCommandsTests(SqliteDatabase database) : PulseCommandsTests, IClassFixture<SqliteDatabase>
{
    protected override IPulseStore Store => database.Store;
}
