using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Core;
using CustomerPulseBot.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPulseBot.Storage.Tests;

[Collection(PostgresDatabase.Name)]
public sealed class PostgresPulseStoreTests(PostgresFixture postgres) : PulseStoreContractTests, IAsyncLifetime
{
    private readonly PostgresPulseStore store = PostgresPulseStore.Create(postgres.ConnectionString, new FakeTimeProvider(Now));

    protected override IPulseStore Store => store;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await store.DisposeAsync();

    [Fact]
    public async Task AgreesOnTheWorkspace_WhenTwoHostsMeetANewTeamAtOnce()
    {
        await using var other = PostgresPulseStore.Create(postgres.ConnectionString, new FakeTimeProvider(Now));
        var externalId = $"T{Guid.NewGuid():N}";

        var both = await Task.WhenAll(
            store.ResolveWorkspaceAsync(Platform.Slack, externalId, "Acme", CancellationToken.None),
            other.ResolveWorkspaceAsync(Platform.Slack, externalId, "Acme", CancellationToken.None));
        var again = await other.ResolveWorkspaceAsync(Platform.Slack, externalId, "Acme renamed", CancellationToken.None);

        Assert.Equal(both[0], both[1]);
        Assert.Equal(both[0], again); // what each host keeps is the one row both read
    }

    [Fact]
    public async Task SeesAnotherHostsSettingsChange_WithinAMinute()
    {
        var clock = new FakeTimeProvider(Now);
        await using var other = PostgresPulseStore.Create(postgres.ConnectionString, clock);
        var externalId = $"T{Guid.NewGuid():N}";
        var workspace = await other.ResolveWorkspaceAsync(Platform.Slack, externalId, "Acme", CancellationToken.None);

        await store.SaveWorkspaceSettingsAsync(workspace.Id, "America/Chicago", DayOfWeek.Sunday, CancellationToken.None);
        var soon = await other.ResolveWorkspaceAsync(Platform.Slack, externalId, "Acme", CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        var later = await other.ResolveWorkspaceAsync(Platform.Slack, externalId, "Acme", CancellationToken.None);

        Assert.Equal(workspace, soon); // kept: resolving costs no round trip
        Assert.Equal(workspace with { TimeZone = "America/Chicago", WeekStart = DayOfWeek.Sunday }, later);
    }
}
