using Microsoft.AspNetCore.Http.Features;
using System.Net;
using CustomerPulseBot.Slack.Signing;
using CustomerPulseBot.TestKit.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPulseBot.Slack.Tests.Signing;

/// <summary>The filter on a real Kestrel endpoint: what passes reaches the handler with its raw body, what does not never does.</summary>
public sealed class SlackSignatureFilterTests : IAsyncLifetime
{
    private const string Secret = "filter_secret_41d9";
    private readonly FakeTimeProvider clock = new(DateTimeOffset.Parse("2026-03-02T10:00:00Z"));
    private readonly List<string> handled = [];
    private WebApplication app = null!;
    private HttpClient client = null!;
    private SlackRequestSigner signer = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.Configure<SlackOptions>(o => o.SigningSecret = Secret);
        app = builder.Build();
        app.MapPost("/probe", (HttpContext http) =>
            {
                var body = http.Features.GetRequiredFeature<SlackRequestBody>();
                handled.Add(body.Text);
                return Results.Text(body.Form()["text"]);
            })
            .AddEndpointFilter<SlackSignatureFilter>();
        await app.StartAsync();
        client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        signer = new SlackRequestSigner(Secret, clock);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task PassesRawBodyToHandler_WhenSignatureIsValid()
    {
        var response = await client.SendAsync(signer.Form("/probe", [new("text", "a+b & <c>")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("a+b & <c>", await response.Content.ReadAsStringAsync());
        Assert.Equal(["text=a%2Bb%20%26%20%3Cc%3E"], handled);
    }

    public static TheoryData<string, string?, string?> BadHeaders => new()
    {
        { "missing both", null, null },
        { "missing signature", "now", null },
        { "malformed timestamp", "yesterday", "v0=" + new string('0', 64) },
        { "malformed signature", "now", "sha256=abc" },
        { "forged", "now", "v0=" + new string('a', 64) },
    };

    [Theory]
    [MemberData(nameof(BadHeaders))]
    public async Task Returns401WithNoBody_WhenHeadersAreBad(string because, string? timestamp, string? signature)
    {
        var request = SlackRequestSigner.Unsigned("/probe", "text=hello", "application/x-www-form-urlencoded");
        if (timestamp is not null)
        {
            request.Headers.Add("X-Slack-Request-Timestamp", timestamp == "now" ? clock.GetUtcNow().ToUnixTimeSeconds().ToString() : timestamp);
        }

        if (signature is not null)
        {
            request.Headers.Add("X-Slack-Signature", signature);
        }

        var response = await client.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, because);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Empty(handled);
    }

    [Fact]
    public async Task AnswersSlacksTlsProbeWithoutActing_WhenItIsSigned()
    {
        var probe = signer.Form("/probe", [new("ssl_check", "1"), new("token", "x"), new("text", "smuggled")]);

        var response = await client.SendAsync(probe);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Empty(handled);
    }

    [Theory]
    [InlineData("ssl_check=1&token=x")]
    [InlineData("ssl_check=1&command=%2Fpulse&text=smuggled")]
    [InlineData("ssl_check=1&payload=%7B%22type%22%3A%22block_actions%22%7D")]
    public async Task Returns401AndActsOnNothing_WhenATlsProbeIsUnsigned(string body)
    {
        var probe = SlackRequestSigner.Unsigned("/probe", body, "application/x-www-form-urlencoded");

        var response = await client.SendAsync(probe);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(handled);
    }

    [Fact]
    public async Task Returns401_WhenAValidRequestIsReplayedSixMinutesLater()
    {
        var original = signer.Form("/probe", [new("text", "hello")]);
        var replay = SlackRequestSigner.Unsigned("/probe", await original.Content!.ReadAsStringAsync(), "application/x-www-form-urlencoded");
        foreach (var header in original.Headers)
        {
            replay.Headers.Add(header.Key, header.Value);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(original)).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(6));
        var response = await client.SendAsync(replay);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Single(handled);
    }

    [Fact]
    public async Task Returns413_WhenTheBodyIsOverOneMegabyte()
    {
        var body = "text=" + new string('x', SlackSignatureFilter.MaxBodyBytes);

        var response = await client.SendAsync(signer.Signed("/probe", body, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(handled);
    }

    [Fact]
    public async Task Returns413_WhenAChunkedBodyGrowsOverOneMegabyte()
    {
        var body = "text=" + new string('x', SlackSignatureFilter.MaxBodyBytes);
        var request = signer.Signed("/probe", body, "application/x-www-form-urlencoded");
        request.Content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body)));
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(handled);
    }
}
