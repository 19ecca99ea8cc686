using System.Net;
using CustomerPulseBot.TestKit.Teams;

namespace CustomerPulseBot.Web.Tests.Teams;

public sealed class TeamsStartupTests
{
    [Theory]
    [InlineData("Teams:AppId")]
    [InlineData("Teams:AppPassword")]
    public async Task RefusesToStart_WhenTeamsIsEnabledWithoutACredential(string missing)
    {
        (string, string?)[] settings = [("Teams:AppId", TeamsHost.AppId), ("Teams:AppPassword", "secret")];
        await using var app = PulseAppFactory.Sqlite("Production", [.. settings.Where(s => s.Item1 != missing), ("Teams:Enabled", "true")]);

        var error = Record.Exception(() => app.CreateClient());

        Assert.NotNull(error);
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public async Task RefusesToStart_WhenUnauthenticatedLocalActivitiesAreAllowedInProduction()
    {
        await using var app = PulseAppFactory.Sqlite("Production",
            ("Teams:AppId", TeamsHost.AppId), ("Teams:AppPassword", "secret"), ("Teams:AllowUnauthenticatedLocal", "true"));

        var error = Record.Exception(() => app.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("Teams:AllowUnauthenticatedLocal", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    public async Task HasNoMessagingEndpoint_WhenTeamsIsNotSwitchedOn(string? enabled)
    {
        await using var app = PulseAppFactory.Sqlite("Production", ("Teams:Enabled", enabled));
        using var client = app.CreateClient();

        var response = await client.PostAsync("/api/messages", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("Staging")]
    [InlineData("Testing")]
    public async Task RefusesActivityWithoutTokenAndSendsNoUnsignedCall_WhenLocalIsAllowedOutsideDevelopment(string environment)
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var app = PulseAppFactory.Sqlite(environment,
            ("Teams:AppId", TeamsHost.AppId), ("Teams:AppPassword", "secret"), ("Teams:AllowUnauthenticatedLocal", "true"));
        using var client = app.CreateClient();
        var activity = TeamsActivities.Message(connector.ServiceUrl, TeamsActivities.NewConversation(), "help");

        var response = await client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(connector.Calls);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/_connector", HttpStatusCode.OK)]
    [InlineData("http://localhost:{port}/_connector", HttpStatusCode.OK)]
    [InlineData("https://smba.trafficmanager.net/amer/", HttpStatusCode.Unauthorized)]
    [InlineData("http://10.0.0.7:{port}/_connector", HttpStatusCode.Unauthorized)]
    public async Task AcceptsActivityWithoutToken_OnlyWhenLocalIsAllowedAndTheServiceUrlIsThisMachine(string serviceUrlPattern, HttpStatusCode expected)
    {
        await using var connector = await FakeBotConnector.StartAsync();
        var port = new Uri(connector.ServiceUrl).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var app = PulseAppFactory.Sqlite("Development",
            ("Teams:AppId", TeamsHost.AppId), ("Teams:AppPassword", "secret"), ("Teams:AllowUnauthenticatedLocal", "true"));
        using var client = app.CreateClient();
        var conversation = TeamsActivities.NewConversation();
        var activity = TeamsActivities.Message(serviceUrlPattern.Replace("{port}", port).Replace("/_connector", "/amer"), conversation, "help");

        var response = await client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            var reply = Assert.Single(connector.Calls);
            Assert.Empty(reply.Authorization);
        }
    }
}
