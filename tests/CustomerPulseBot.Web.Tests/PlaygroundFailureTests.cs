using System.Net;
using CustomerPulseBot.TestKit;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CustomerPulseBot.Web.Tests;

/// <summary>What a person sees when the database goes away under the app: an apology, their text, and an id the logs share.</summary>
[Collection(PostgresDatabase.Name)]
public sealed class PlaygroundFailureTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ApologisesWithTheTextAndTheLoggedId_WhenTheStoreFails()
    {
        var target = new NpgsqlConnectionStringBuilder(postgres.ConnectionString);
        await using var proxy = new TcpProxy(target.Host!, target.Port); // the fixture's connection string names a host
        var throughProxy = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port };
        await using var app = PulseAppFactory.Postgres(throughProxy.ConnectionString);
        var playground = new PlaygroundClient(app);
        await playground.SayAsync("help");
        await proxy.StopAsync();

        var answer = await playground.SayAsync("Exporting the Q3 report timed out twice today #export-timeouts");

        Assert.Equal(HttpStatusCode.InternalServerError, answer.Status);
        Assert.Equal("AdaptiveCard", answer.CardType);
        Assert.True(answer.Shows("Exporting the Q3 report timed out twice today #export-timeouts"), string.Join(" | ", answer.Strings));
        var failure = Assert.Single(app.Logs.Entries, e => e.Level == LogLevel.Error && e["CorrelationId"] is not null);
        Assert.True(answer.Shows((string)failure["CorrelationId"]!), string.Join(" | ", answer.Strings));
    }
}
