using System.Net;
using CustomerPulseBot.TestKit.Slack;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Web.Tests.Slack;

public sealed class SlackRefusalTests
{
    private const string Body = "team_id=TALPHA001&user_id=U0ANA0001&channel_id=C0CHAN001&command=%2Fpulse&text=secret+customer+words";

    public static TheoryData<string, string?, string?> BadSignatures => new()
    {
        { "missing", null, null },
        { "malformed", "now", "v0=not-hex" },
        { "forged", "now", "v0=" + new string('0', 64) },
        { "stale", "stale", "sign" },
        { "other secret", "now", "other" },
    };

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public async Task Returns401AndLogsNoBody_WhenTheSignatureIsBad(string because, string? timestamp, string? signature)
    {
        await using var host = await SlackHost.StartAsync();
        var at = timestamp == "stale" ? DateTimeOffset.UtcNow.AddMinutes(-6) : DateTimeOffset.UtcNow;
        var seconds = at.ToUnixTimeSeconds().ToString();
        var request = SlackRequestSigner.Unsigned("/slack/commands", Body, "application/x-www-form-urlencoded");
        if (timestamp is not null)
        {
            request.Headers.Add("X-Slack-Request-Timestamp", seconds);
            request.Headers.Add("X-Slack-Signature", signature switch
            {
                "sign" => SlackRequestSigner.Sign(SlackHost.Secret, seconds, Body),
                "other" => SlackRequestSigner.Sign("not_the_secret", seconds, Body),
                _ => signature,
            });
        }

        var response = await host.Client.SendAsync(request);

        Assert.True(HttpStatusCode.Unauthorized == response.StatusCode, because);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Contains(host.App.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Refused a Slack request"));
        Assert.DoesNotContain(host.App.Logs.Entries, e => e.Message.Contains("secret customer words") || e.Message.Contains("secret+customer"));
        var workspace = await host.WorkspaceAsync();
        Assert.Equal(0, await host.Store.CountSignalsAsync(workspace.Id, new(), CancellationToken.None));
    }

    [Fact]
    public async Task Returns401_WhenAValidRequestIsReplayedMoreThanFiveMinutesLater()
    {
        await using var host = await SlackHost.StartAsync();
        var recorded = host.Signer.Signed("/slack/commands", Body, "application/x-www-form-urlencoded", DateTimeOffset.UtcNow.AddMinutes(-5).AddSeconds(-30));

        var response = await host.Client.SendAsync(recorded);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Returns413_WhenTheBodyIsOverOneMegabyte()
    {
        await using var host = await SlackHost.StartAsync();
        var body = Body + "&padding=" + new string('x', 1024 * 1024);

        var response = await host.Client.SendAsync(host.Signer.Signed("/slack/commands", body, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Returns400_WhenAnEventBodyIsNotJson()
    {
        await using var host = await SlackHost.StartAsync();

        var response = await host.EventAsync("type=event_callback");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
