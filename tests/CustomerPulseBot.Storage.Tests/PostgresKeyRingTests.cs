using CustomerPulseBot.TestKit;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPulseBot.Storage.Tests;

[Collection(PostgresDatabase.Name)]
public sealed class PostgresKeyRingTests(PostgresFixture postgres) : KeyRingContractTests
{
    protected override async Task<Dictionary<string, string?>> NewDatabaseAsync() =>
        new() { ["Storage:Provider"] = "postgres", ["ConnectionStrings:Pulse"] = await postgres.CreateDatabaseAsync() };

    [Fact]
    public async Task MakesOneFirstKeyForAll_WhenHostsOpenAnEmptyRingAtOnce()
    {
        var hosts = Enumerable.Range(0, 4).Select(_ => Host(Database)).ToList();
        // Everything but the opening itself is built first, so that the hosts meet the empty ring together.
        var rings = hosts.Select(h => h.GetRequiredService<IKeyRingProvider>()).ToList();
        var start = new TaskCompletionSource();

        await Task.WhenAll(hosts.Select(h => Task.Run(async () =>
        {
            await start.Task;
            await h.OpenKeyRingAsync();
        })).Append(Task.Run(start.SetResult)));

        Assert.Single(hosts[0].GetRequiredService<IKeyManager>().GetAllKeys());
        Assert.Single(rings.Select(r => r.GetCurrentKeyRing().DefaultKeyId).Distinct());
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }
    }
}
