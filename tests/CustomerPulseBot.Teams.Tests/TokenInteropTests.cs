using System.Text.Json.Nodes;
using CustomerPulseBot.TestKit;
using CustomerPulseBot.TestKit.Teams;

namespace CustomerPulseBot.Teams.Tests;

// The local issuer's tokens are the real thing: the Bot Framework SDK for JavaScript (botframework-connector's
// JwtTokenValidation.authenticateRequest), pointed at the same metadata, accepts them and refuses tampered ones.
public sealed class TokenInteropTests : IAsyncLifetime
{
    private const string AppId = "6a1e5a53-0000-4000-8000-00000000b07a";
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    private TestTokenIssuer issuer = null!; // set in InitializeAsync

    public async Task InitializeAsync() => issuer = await TestTokenIssuer.StartAsync();

    public async Task DisposeAsync() => await issuer.DisposeAsync();

    [Fact]
    public async Task BotFrameworkSdkAcceptsToken_WhenTheTestIssuerSignedIt()
    {
        var token = issuer.Token(AppId, ServiceUrl);

        var verdict = await VerifyAsync(token);

        Assert.True(verdict.Valid, verdict.Error);
    }

    [Theory]
    [InlineData("payload")]
    [InlineData("signature")]
    [InlineData("audience")]
    [InlineData("endorsement")]
    [InlineData("serviceurl")]
    public async Task BotFrameworkSdkRefusesToken_WhenItIsTampered(string tampered)
    {
        var token = tampered switch
        {
            "payload" => Tamper(issuer.Token(AppId, ServiceUrl), 1),
            "signature" => Tamper(issuer.Token(AppId, ServiceUrl), 2),
            "audience" => issuer.Token("another-bot", ServiceUrl),
            "endorsement" => issuer.Token(AppId, ServiceUrl, key: TestTokenIssuer.OtherChannelKey),
            _ => issuer.Token(AppId, "https://smba.trafficmanager.net/emea/"),
        };

        var verdict = await VerifyAsync(token);

        Assert.False(verdict.Valid);
    }

    // Changes one character in the middle of the token's part (1: payload, 2: signature), keeping it base64url.
    private static string Tamper(string token, int part)
    {
        var parts = token.Split('.');
        var middle = parts[part].Length / 2;
        var swapped = parts[part][middle] == 'A' ? 'B' : 'A';
        parts[part] = parts[part][..middle] + swapped + parts[part][(middle + 1)..];
        return string.Join('.', parts);
    }

    private async Task<Verdict> VerifyAsync(string token)
    {
        var request = new JsonArray(new JsonObject
        {
            ["metadataUrl"] = issuer.MetadataUrl,
            ["appId"] = AppId,
            ["authorization"] = $"Bearer {token}",
            ["activity"] = new JsonObject
            {
                ["type"] = "message",
                ["channelId"] = "msteams",
                ["serviceUrl"] = ServiceUrl,
                ["text"] = "help",
            },
        });

        var verdicts = await InteropScript.RunAsync<List<Verdict>>("verify-teams-token.mjs", request.ToJsonString(), "botframework-connector");

        return Assert.Single(verdicts);
    }

    private sealed record Verdict(bool Valid, string? Error);
}
