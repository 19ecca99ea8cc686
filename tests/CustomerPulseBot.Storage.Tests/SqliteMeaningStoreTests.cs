using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Meaning;

namespace CustomerPulseBot.Storage.Tests;

public sealed class SqliteMeaningStoreTests(SqliteDatabase database) : MeaningStoreContractTests, IClassFixture<SqliteDatabase>
{
    protected override IPulseStore Store => database.Store;

    protected override IMeaningStore Meaning => (IMeaningStore)database.Store;
}
