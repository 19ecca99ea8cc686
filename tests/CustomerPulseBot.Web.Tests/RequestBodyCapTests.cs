using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CustomerPulseBot.Core;
using CustomerPulseBot.Slack.Signing;
using CustomerPulseBot.Teams;
using CustomerPulseBot.TestKit.Slack;
using CustomerPulseBot.TestKit.Teams;
using CustomerPulseBot.Web.Playground;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Web.Tests;

/// <summary>
/// Every endpoint that reads a body refuses one over its cap alike, through the one reader: 413 with a problem that
/// names the limit, whether the body declares its length or arrives chunked, before anything parses or runs it.
/// </summary>
public sealed class RequestBodyCapTests(RequestBodyCapTests.AllEndpoints host) : IClassFixture<RequestBodyCapTests.AllEndpoints>
{
    private const string Secret = "secret customer words";

    public static TheoryData<string, int, bool> Endpoints
    {
        get
        {
            var endpoints = new TheoryData<string, int, bool>();
            foreach (var chunked in new[] { false, true })
            {
                endpoints.Add("/slack/commands", SlackSignatureFilter.MaxBodyBytes, chunked);
                endpoints.Add("/slack/interactions", SlackSignatureFilter.MaxBodyBytes, chunked);
                endpoints.Add("/slack/events", SlackSignatureFilter.MaxBodyBytes, chunked);
                endpoints.Add("/api/messages", TeamsEndpoint.MaxBodyBytes, chunked);
                endpoints.Add("/playground/api/messages", PlaygroundApi.MaxBodyBytes, chunked);
                endpoints.Add("/playground/api/capture", PlaygroundApi.MaxBodyBytes, chunked);
                endpoints.Add("/playground/api/demo", PlaygroundApi.MaxBodyBytes, chunked);
            }

            return endpoints;
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task AnswersTheSame413NamingTheLimit_WhenABodyIsOverTheEndpointsCap(string path, int cap, bool chunked)
    {
        var body = Encoding.UTF8.GetBytes($"{{\"workspace\":\"Cap\",\"user\":\"Ada\",\"text\":\"{Secret}\",\"padding\":\"{new string('x', cap)}\"}}");
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = chunked;

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(413, (int?)problem["status"]);
        Assert.Equal(RequestBody.TooLarge(cap), (string?)problem["detail"]);
        Assert.DoesNotContain(host.App.Logs.Entries, e => e.Message.Contains(Secret, StringComparison.Ordinal));
        Assert.Contains(host.App.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains($"over {cap} bytes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswersTheCard_WhenAPlaygroundBodyIsJustUnderTheCap()
    {
        var padding = new string('x', PlaygroundApi.MaxBodyBytes - 200);
        var request = new HttpRequestMessage(HttpMethod.Post, "/playground/api/messages")
        {
            Content = new StringContent($"{{\"workspace\":\"Cap\",\"user\":\"Ada\",\"text\":\"help\",\"padding\":\"{padding}\"}}", Encoding.UTF8, "application/json"),
        };

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("AdaptiveCard", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["type"]);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    public async Task RefusesWithAProblem_WhenAPlaygroundBodyIsNotThePagesJson(string body)
    {
        using var response = await host.Client.PostAsync("/playground/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>One host with Slack, Teams and the playground all on, so the same request meets every endpoint.</summary>
    public sealed class AllEndpoints : IAsyncLifetime
    {
        private FakeSlackApi? slack;
        private TestTokenIssuer? issuer;

        public PulseAppFactory App { get; private set; } = null!; // set in InitializeAsync, before any test runs

        public HttpClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            slack = await FakeSlackApi.StartAsync();
            issuer = await TestTokenIssuer.StartAsync();
            App = PulseAppFactory.Sqlite(
                "Development",
                [
                    .. Slack.SlackHost.Settings(slack),
                    ("Teams:AppId", Teams.TeamsHost.AppId),
                    ("Teams:AppPassword", "not-used"),
                    ("Teams:OpenIdMetadataUrl", issuer.MetadataUrl),
                    ("Teams:RequireHttpsMetadata", "false"),
                ]);
            Client = App.CreateClient();
        }

        public async Task DisposeAsync()
        {
            await App.DisposeAsync();
            await slack!.DisposeAsync();
            await issuer!.DisposeAsync();
        }
    }
}
