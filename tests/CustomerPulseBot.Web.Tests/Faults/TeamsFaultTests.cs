using System.Net;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.TestKit;
using CustomerPulseBot.Web.Tests.Teams;
using Xunit.Abstractions;

namespace CustomerPulseBot.Web.Tests.Faults;

/// <summary>A Teams message through its host while the PostgreSQL server of the test's own is frozen.</summary>
[Collection(DatabaseFaults.Name)]
public sealed class TeamsFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RepliesInTimeWithTheText_WhenPostgresIsFrozen_AndStoresTheNextMessageOnceThawed()
    {
        await using var server = await PrivatePostgres.LaunchAsync();
        var teams = TeamsHost.OnPostgres(server.ConnectionString);
        await teams.InitializeAsync();
        try
        {
            var chat = TeamsActivities.NewConversation();
            Assert.Contains("Signal captured", await SayAsync(teams, chat, $"Warm-up quote {Guid.NewGuid():N}"));
            var quote = $"Frozen-time Teams capture {Guid.NewGuid():N}";
            var next = $"After-thaw Teams capture {Guid.NewGuid():N}";

            await server.FreezeAsync();
            string reply;
            try
            {
                reply = await FaultReplies.TimedAsync(output, "Teams message, PostgreSQL frozen", () => SayAsync(teams, chat, quote), FaultReplies.Budget);
            }
            finally
            {
                await server.ThawAsync();
            }

            var nothingSaved = FaultReplies.SaysNothingWasSaved(reply);
            Assert.Contains("Signal captured", await SayAsync(teams, chat, next));
            var workspace = await teams.WorkspaceAsync();
            var stored = await teams.Store.FindSignalsAsync(workspace.Id, new SignalFilter(Text: quote), 5, CancellationToken.None);
            Assert.Contains(quote, reply);
            Assert.True(!nothingSaved || stored.Count == 0, "Told nothing was saved, and it was");
        }
        finally
        {
            await teams.DisposeAsync();
        }
    }

    /// <summary>The text of the card the bot replied with through the Connector, once the activity is answered.</summary>
    private static async Task<string> SayAsync(TeamsHost teams, string chat, string text)
    {
        var before = teams.CallsFor(chat).Count;
        using var response = await teams.PostAsync(TeamsActivities.Message(teams.Connector.ServiceUrl, chat, text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(teams.CallsFor(chat).Skip(before));
        return TeamsHost.Texts(reply.Card);
    }
}
