using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.TestKit.Slack;
using Microsoft.Data.Sqlite;

namespace CustomerPulseBot.Web.Tests.Slack;

public sealed class SlackSocketModeTests
{
    [Fact]
    public async Task HandlesDeliveriesOverTheSocketAndReconnects_WhenSlackAsksForANewOne()
    {
        await using var sockets = await FakeSocketModeServer.StartAsync();
        await using var host = await SlackHost.StartAsync(sockets);

        var first = await sockets.NextConnectionAsync();
        await first.SendAsync("""{"type":"hello","num_connections":1,"connection_info":{"app_id":"A0APP0001"}}""");
        await first.SendAsync(new JsonObject
        {
            ["envelope_id"] = "env-1",
            ["type"] = "slash_commands",
            ["accepts_response_payload"] = true,
            ["payload"] = new JsonObject
            {
                ["command"] = "/pulse", ["text"] = "Exports time out over the socket customer:Acme", ["team_id"] = SlackHost.Team,
                ["user_id"] = "U0ANA0001", ["user_name"] = "ana", ["channel_id"] = "C0CHAN001", ["trigger_id"] = "t-1",
            },
        }.ToJsonString());
        var ack = JsonNode.Parse((await first.ReceiveAsync())!)!;
        await first.SendAsync("""{"type":"disconnect","reason":"refresh_requested","debug_info":{"host":"fake"}}""");
        var second = await sockets.NextConnectionAsync();
        var firstClosed = await first.ReceiveAsync();
        await second.SendAsync(new JsonObject
        {
            ["envelope_id"] = "env-2",
            ["type"] = "events_api",
            ["accepts_response_payload"] = false,
            ["payload"] = new JsonObject
            {
                ["type"] = "event_callback", ["team_id"] = SlackHost.Team, ["event_id"] = "Ev0SOCKET01",
                ["event"] = new JsonObject { ["type"] = "app_mention", ["user"] = "U0ANA0001", ["text"] = "<@U0BOT0001> top this week", ["ts"] = "1700000000.000900", ["channel"] = "C0CHAN001" },
            },
        }.ToJsonString());
        var eventAck = JsonNode.Parse((await second.ReceiveAsync())!)!;

        Assert.Equal("env-1", (string?)ack["envelope_id"]);
        Assert.Contains("Saved as a customer signal", SlackHost.Texts(ack["payload"]!["blocks"]));
        var workspace = await host.WorkspaceAsync();
        Assert.Equal("Exports time out over the socket", Assert.Single(await host.Store.FindSignalsAsync(workspace.Id, new SignalFilter(), 5, CancellationToken.None)).Quote);
        Assert.Null(firstClosed);
        Assert.Equal(new JsonObject { ["envelope_id"] = "env-2" }.ToJsonString(), eventAck.ToJsonString());
        var reply = await host.Api.WaitForAsync("chat.postMessage");
        Assert.Equal("1700000000.000900", (string?)reply.Json!["thread_ts"]);
        var opens = host.Api.Calls.Where(c => c.Method == "apps.connections.open").ToList();
        Assert.Equal(2, opens.Count);
        Assert.All(opens, c => Assert.Equal("Bearer xapp-1-test", c.Authorization));
        second.Release();
    }

    [Theory]
    [InlineData("refresh_requested")]
    [InlineData("warning")]
    public async Task AcknowledgesOnTheSocketThatDeliveredAndStoresOnce_WhenSlackReplacesTheSocketMidDelivery(string reason)
    {
        await using var sockets = await FakeSocketModeServer.StartAsync();
        await using var host = await SlackHost.StartAsync(sockets);
        var workspace = await host.WorkspaceAsync();
        var quote = $"Refunds take two weeks to arrive {Guid.NewGuid():N}";
        var first = await sockets.NextConnectionAsync();
        await first.SendAsync("""{"type":"hello","num_connections":1}""");

        SocketModeConnection second;
        JsonNode helpAck;
        // Another connection's write transaction (Microsoft.Data.Sqlite begins IMMEDIATE, taking the write lock) holds
        // the capture back until the socket has been replaced.
        await using (var writer = new SqliteConnection($"Data Source={host.App.SqliteFile}"))
        {
            await writer.OpenAsync();
            await using var transaction = await writer.BeginTransactionAsync();
            await first.SendAsync(Command("env-capture", quote));
            await first.SendAsync(new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "fake" } }.ToJsonString());
            second = await sockets.NextConnectionAsync();
            // Answered on the new socket: the app is past replacing the old one, whose delivery is still in hand.
            await second.SendAsync(Command("env-help", "help"));
            helpAck = JsonNode.Parse((await second.ReceiveAsync())!)!;
        }

        var ack = await first.ReceiveAsync();
        var afterAck = await first.ReceiveAsync();

        Assert.Equal("env-help", (string?)helpAck["envelope_id"]);
        Assert.NotNull(ack);
        var capture = JsonNode.Parse(ack)!;
        Assert.Equal("env-capture", (string?)capture["envelope_id"]);
        Assert.Contains("Saved as a customer signal", SlackHost.Texts(capture["payload"]!["blocks"]));
        Assert.Null(afterAck);
        Assert.Single(await host.Store.FindSignalsAsync(workspace.Id, new SignalFilter(Text: quote), 5, CancellationToken.None));
        second.Release();
    }

    private static string Command(string envelopeId, string text) => new JsonObject
    {
        ["envelope_id"] = envelopeId,
        ["type"] = "slash_commands",
        ["accepts_response_payload"] = true,
        ["payload"] = new JsonObject
        {
            ["command"] = "/pulse", ["text"] = text, ["team_id"] = SlackHost.Team,
            ["user_id"] = "U0ANA0001", ["user_name"] = "ana", ["channel_id"] = "C0CHAN001", ["trigger_id"] = "t-1",
        },
    }.ToJsonString();
}
