using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPulseBot.Storage.Tests;

[Collection(PostgresDatabase.Name)]
public sealed class PostgresInstallationStoreTests(PostgresFixture postgres) : InstallationStoreContractTests, IAsyncLifetime
{
    private readonly PostgresPulseStore store = PostgresPulseStore.Create(postgres.ConnectionString, new FakeTimeProvider());

    protected override IInstallationStore Installations => store;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await store.DisposeAsync();
}
