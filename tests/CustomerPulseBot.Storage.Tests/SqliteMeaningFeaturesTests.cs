using CustomerPulseBot.Core;

namespace CustomerPulseBot.Storage.Tests;

public sealed class SqliteMeaningFeaturesTests(SqliteDatabase database) : MeaningFeaturesTests, IClassFixture<SqliteDatabase>
{
    protected override IPulseStore Store => database.Store;
}
