using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPulseBot.Storage.Tests;

[Collection(PostgresDatabase.Name)]
public sealed class PostgresEventReceiptsTests(PostgresFixture postgres) : EventReceiptsContractTests, IAsyncLifetime
{
    private readonly PostgresPulseStore store = PostgresPulseStore.Create(postgres.ConnectionString, new FakeTimeProvider());

    protected override IEventReceipts Receipts => store;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await store.DisposeAsync();
}
