using System.Net;
using System.Text.Json.Nodes;
using CustomerPulseBot.TestKit.Slack;

namespace CustomerPulseBot.Web.Tests.Slack;

public sealed class SlackStartupTests
{
    [Fact]
    public async Task MapsNoSlackEndpoints_WhenThereIsNoSlackSection()
    {
        await using var app = PulseAppFactory.Sqlite("Production");

        var response = await app.CreateClient().PostAsync("/slack/commands", new StringContent("text=hi"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task MapsNoSlackEndpoints_WhenSlackIsSwitchedOff()
    {
        await using var app = PulseAppFactory.Sqlite("Production", ("Slack:Enabled", "false"), ("Slack:BotToken", "xoxb-1"));

        var response = await app.CreateClient().PostAsync("/slack/events", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task RefusesToStartNamingTheSetting_WhenSlackIsEnabledWithoutASigningSecret()
    {
        await using var app = PulseAppFactory.Sqlite("Production", ("Slack:BotToken", "xoxb-1"));

        var error = Record.Exception(() => app.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("Slack:SigningSecret", error.Message);
    }

    [Fact]
    public async Task RefusesToStartNamingTheSetting_WhenOneWorkspacesTokenComesWithoutItsTeamId()
    {
        await using var app = PulseAppFactory.Sqlite("Production", ("Slack:SigningSecret", "secret"), ("Slack:BotToken", "xoxb-1"));

        var error = Record.Exception(() => app.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("Slack:TeamId", error.Message);
    }

    [Fact]
    public async Task ServesOverTheSocketAndMapsNoSignedUrls_WhenSocketModeIsOnWithoutASigningSecret()
    {
        await using var sockets = await FakeSocketModeServer.StartAsync();
        await using var host = await SlackHost.StartAsync(sockets, ("Slack:SigningSecret", null));

        var connection = await sockets.NextConnectionAsync();
        await connection.SendAsync(new JsonObject
        {
            ["envelope_id"] = "env-1",
            ["type"] = "slash_commands",
            ["accepts_response_payload"] = true,
            ["payload"] = new JsonObject
            {
                ["command"] = "/pulse", ["text"] = "Exports time out customer:Acme", ["team_id"] = SlackHost.Team,
                ["user_id"] = "U0ANA0001", ["user_name"] = "ana", ["channel_id"] = "C0CHAN001", ["trigger_id"] = "t-1",
            },
        }.ToJsonString());
        var ack = JsonNode.Parse((await connection.ReceiveAsync())!)!;
        var command = await host.CommandAsync("Exports time out customer:Acme");
        var events = await host.EventAsync("""{"type":"url_verification","challenge":"c1"}""");

        Assert.Contains("Saved as a customer signal", SlackHost.Texts(ack["payload"]!["blocks"]));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (command.StatusCode, events.StatusCode));
        connection.Release();
    }
}
