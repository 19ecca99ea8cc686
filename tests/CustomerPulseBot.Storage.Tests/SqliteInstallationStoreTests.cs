using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage.Tests;

public sealed class SqliteInstallationStoreTests(SqliteDatabase database) : InstallationStoreContractTests, IClassFixture<SqliteDatabase>
{
    protected override IInstallationStore Installations => (IInstallationStore)database.Store;
}
