using CustomerPulseBot.Core;
using CustomerPulseBot.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPulseBot.Storage.Tests;

[Collection(PostgresDatabase.Name)]
public sealed class PostgresAdminStoreTests(PostgresFixture postgres) : AdminStoreContractTests, IAsyncLifetime
{
    private readonly PostgresPulseStore store = PostgresPulseStore.Create(postgres.ConnectionString, new FakeTimeProvider());

    protected override IPulseStore Store => store;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await store.DisposeAsync();
}
