using System.Net;
using System.Net.Sockets;
using CustomerPulseBot.Slack.Api;
using CustomerPulseBot.Slack.BlockKit;
using CustomerPulseBot.Teams.Activities;
using CustomerPulseBot.Teams.Connector;
using CustomerPulseBot.TestKit.Slack;
using CustomerPulseBot.TestKit.Teams;
using CustomerPulseBot.Web.Outbound;
using CustomerPulseBot.Web.Tests.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPulseBot.Web.Tests.Outbound;

/// <summary>
/// The one outbound policy as the host applies it to both platforms' clients, against the fake Slack and Connector:
/// only a request that surely did not take effect is sent again (a 429 or 412 with a short enough Retry-After, a
/// connection never made); a server error is not, since a post may have gone through.
/// </summary>
public sealed class OutboundPolicyTests : IAsyncLifetime
{
    private const string Conversation = "19:policy@thread.tacv2";
    private const string RateLimited = """{"ok":false,"error":"ratelimited"}""";

    private FakeSlackApi slack = null!; // set in InitializeAsync
    private FakeBotConnector connector = null!;
    private PulseAppFactory app = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync();
        connector = await FakeBotConnector.StartAsync();
        app = Host([.. SlackHost.Settings(slack), ("Outbound:AttemptTimeout", "00:00:02")]);
        app.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await connector.DisposeAsync();
        await slack.DisposeAsync();
    }

    [Fact]
    public async Task WaitsAsLongAsRetryAfterSaysAndSendsAgain_WhenSlackRateLimits()
    {
        slack.AnswerNext("chat.postMessage", 429, RateLimited, TimeSpan.FromSeconds(1));

        await Slack.PostMessageAsync(SlackHost.BotToken, "C0POLICY1", new SlackMessage("digest", []), null, CancellationToken.None);

        Assert.Equal(2, slack.Calls.Count(c => c.Method == "chat.postMessage"));
        Assert.Single(slack.Messages("C0POLICY1"));
        var retry = Assert.Single(Retries());
        Assert.Equal((429, TimeSpan.FromSeconds(1), "127.0.0.1"), (retry["Status"], retry["RetryDelay"], retry["Host"]));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    public async Task SendsAgain_WhenTheConnectorSaysItDidNotApplyTheActivity(HttpStatusCode status)
    {
        connector.AnswerNext((int)status, """{"error":{"code":"Throttled","message":"slow down"}}""", retryAfterSeconds: 1);

        var id = await Connector.SendAsync(connector.ServiceUrl, Conversation, Message(), CancellationToken.None);

        Assert.Equal("activity-2", id);
        Assert.Equal(2, connector.Calls.Count);
        Assert.Equal(connector.Calls[0].Body, connector.Calls[1].Body);
        Assert.Equal((int)status, Assert.Single(Retries())["Status"]);
    }

    [Fact]
    public async Task HandsTheRateLimitBack_WhenItsWaitIsLongerThanAnAttempt()
    {
        slack.AnswerNext("chat.postMessage", 429, RateLimited, TimeSpan.FromSeconds(3));

        var error = await Assert.ThrowsAsync<SlackApiException>(() =>
            Slack.PostMessageAsync(SlackHost.BotToken, "C0POLICY1", new SlackMessage("digest", []), null, CancellationToken.None));

        Assert.Equal("ratelimited", error.Error);
        Assert.Single(slack.Calls);
        Assert.Empty(Retries());
    }

    [Fact]
    public async Task SendsAPostOnce_WhenSlackAnswersWithAServerError()
    {
        slack.AnswerNext("chat.postMessage", 503, "upstream trouble");

        var error = await Assert.ThrowsAsync<SlackApiException>(() =>
            Slack.PostMessageAsync(SlackHost.BotToken, "C0POLICY1", new SlackMessage("digest", []), null, CancellationToken.None));

        Assert.Equal("http_503", error.Error);
        Assert.Single(slack.Calls);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task SendsAnActivityOnce_WhenTheConnectorAnswersWithAServerError(HttpStatusCode status)
    {
        connector.AnswerNext((int)status, """{"error":{"code":"ServiceError","message":"maybe"}}""");

        var error = await Assert.ThrowsAsync<BotConnectorException>(() =>
            Connector.SendAsync(connector.ServiceUrl, Conversation, Message(), CancellationToken.None));

        Assert.Equal(status, error.Status);
        Assert.Single(connector.Calls);
        Assert.Empty(Retries());
    }

    [Fact]
    public async Task TriesTwiceMore_WhenNoConnectionCanBeMade()
    {
        await using var unreachable = Host([.. SlackHost.Settings(slack), ("Slack:ApiBaseUrl", $"http://127.0.0.1:{ClosedPort()}/api/")]);
        unreachable.CreateClient().Dispose();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => unreachable.Services.GetRequiredService<SlackApiClient>()
            .PostMessageAsync(SlackHost.BotToken, "C0POLICY1", new SlackMessage("digest", []), null, CancellationToken.None));

        Assert.Equal(HttpRequestError.ConnectionError, error.HttpRequestError);
        Assert.Equal(
            [HttpRequestError.ConnectionError, HttpRequestError.ConnectionError],
            unreachable.Logs.Entries.Where(e => e.Category == typeof(OutboundSetup).FullName).Select(e => e["Error"]));
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:01:00")]
    public async Task RefusesToStartNamingTheSetting_WhenTheAttemptTimeoutCannotWork(string value)
    {
        await using var broken = Host([("Outbound:AttemptTimeout", value)]);

        var error = Record.Exception(() => broken.CreateClient());

        Assert.Contains("Outbound:AttemptTimeout", error?.Message);
    }

    private SlackApiClient Slack => app.Services.GetRequiredService<SlackApiClient>();

    private BotConnectorClient Connector => app.Services.GetRequiredService<BotConnectorClient>();

    private IEnumerable<LogEntry> Retries() => app.Logs.Entries.Where(e => e.Category == typeof(OutboundSetup).FullName);

    private static Activity Message() => new() { Type = Activity.Message, Text = "digest" };

    /// <summary>Slack and Teams both on; the Connector on this machine is called without a token (Development only).</summary>
    private static PulseAppFactory Host((string Key, string? Value)[] settings) =>
        PulseAppFactory.Sqlite("Development",
        [
            ("Teams:AppId", "00000000-0000-0000-0000-0000000000aa"),
            ("Teams:AppPassword", "not-used"),
            ("Teams:AllowUnauthenticatedLocal", "true"),
            .. settings,
        ]);

    /// <summary>A port nothing listens on: taken from the system, then let go.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
