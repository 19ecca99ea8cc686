using System.Globalization;
using System.Text;
using CustomerPulseBot.Slack.Signing;
using CustomerPulseBot.TestKit;
using CustomerPulseBot.TestKit.Slack;

namespace CustomerPulseBot.Slack.Tests.Signing;

/// <summary>Our signer and verifier against Slack's own: @slack/bolt's verifySlackRequest, run by Node.</summary>
public sealed class SignatureInteropTests
{
    private const string Secret = "interop_secret_5f2c9d";
    private const long Now = 1_760_000_000;
    private const string Body = "command=%2Fpulse&text=Exports+time+out+%3C%21channel%3E+customer%3AAcme&team_id=T1&user_id=U1&channel_id=C1";

    private sealed record Case(string Secret, string Timestamp, string Signature, string Body, long NowSeconds);

    private sealed record Verdict(bool Valid);

    [Fact]
    public async Task BothVerifiersAgree_WhenRequestsAreSignedByOurSigner()
    {
        var timestamp = Now.ToString(CultureInfo.InvariantCulture);
        var stale = (Now - 301).ToString(CultureInfo.InvariantCulture);
        var signature = SlackRequestSigner.Sign(Secret, timestamp, Body);
        Case[] cases =
        [
            new(Secret, timestamp, signature, Body, Now),
            new(Secret, timestamp, signature, Body.Replace("Acme", "Acmf"), Now),
            new(Secret, timestamp, SlackRequestSigner.Sign("another_secret", timestamp, Body), Body, Now),
            new(Secret, stale, SlackRequestSigner.Sign(Secret, stale, Body), Body, Now),
        ];

        var bolt = await InteropScript.RunAsync<Verdict[]>(
            "verify-slack-signature.mjs", System.Text.Json.JsonSerializer.Serialize(cases, System.Text.Json.JsonSerializerOptions.Web), "@slack/bolt");
        var ours = cases.Select(c => SlackSignature.Check(
            c.Secret, c.Timestamp, c.Signature, Encoding.UTF8.GetBytes(c.Body), DateTimeOffset.FromUnixTimeSeconds(c.NowSeconds)));

        Assert.Equal([true, false, false, false], bolt.Select(v => v.Valid));
        Assert.Equal([SignatureCheck.Valid, SignatureCheck.Forged, SignatureCheck.Forged, SignatureCheck.Stale], ours);
    }
}
