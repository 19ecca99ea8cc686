using CustomerPulseBot.Core;
using CustomerPulseBot.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPulseBot.Storage.Tests;

[Collection(PostgresDatabase.Name)]
public sealed class PostgresCustomerStoreTests(PostgresFixture postgres) : CustomerStoreContractTests, IAsyncLifetime
{
    private readonly PostgresPulseStore store = PostgresPulseStore.Create(postgres.ConnectionString, new FakeTimeProvider(PulseStoreContractTests.Now));

    protected override IPulseStore Store => store;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await store.DisposeAsync();
}
