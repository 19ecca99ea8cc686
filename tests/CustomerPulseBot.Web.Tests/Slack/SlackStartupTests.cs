using System.Net;

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
}
