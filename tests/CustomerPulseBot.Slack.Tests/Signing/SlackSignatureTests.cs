using System.Text;
using CustomerPulseBot.Slack.Signing;

namespace CustomerPulseBot.Slack.Tests.Signing;

public sealed class SlackSignatureTests
{
    private const string Secret = "test_signing_secret_0123456789abcdef";
    private const string FormBody = "command=%2Fdigest&text=weekly+%23eng&user_id=U0123ABCD&team_id=T0123ABCD&channel_id=C0123ABCD";
    private const string FormSignature = "v0=8257689aaab330cfc717312ce82a9d58762a0b79f384425409b8bc616b37a57c";
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(1700000000);

    public static TheoryData<string, string, string, string> Vectors => new()
    {
        { Secret, "1700000000", FormBody, FormSignature },
        {
            Secret, "1700000000", """{"type":"url_verification","token":"x","challenge":"abc123"}""",
            "v0=c36d7b63d15c8c50d2e58e4fd226dd141980b6dc1dd7ca324d33c410ca9ff40d"
        },
        {
            "8f742231b10e8888abcd99yyyzzz85a5", "1531420618",
            "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c",
            "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
        },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void ComputesTheReferenceSignature_WhenGivenAPublishedVector(string secret, string timestamp, string body, string signature)
    {
        var computed = SlackSignature.Compute(secret, timestamp, Encoding.UTF8.GetBytes(body));

        Assert.Equal(signature, computed);
    }

    [Theory]
    [InlineData("1700000000", FormSignature, 0, nameof(SignatureCheck.Valid))]
    [InlineData("1700000000", FormSignature, 300, nameof(SignatureCheck.Valid))]
    [InlineData("1700000000", FormSignature, -300, nameof(SignatureCheck.Valid))]
    [InlineData("1700000000", FormSignature, 301, nameof(SignatureCheck.Stale))]
    [InlineData("1700000000", FormSignature, -301, nameof(SignatureCheck.Stale))]
    [InlineData(null, FormSignature, 0, nameof(SignatureCheck.Missing))]
    [InlineData("1700000000", null, 0, nameof(SignatureCheck.Missing))]
    [InlineData("", FormSignature, 0, nameof(SignatureCheck.Missing))]
    [InlineData("17e8", FormSignature, 0, nameof(SignatureCheck.Malformed))]
    [InlineData("-1700000000", FormSignature, 0, nameof(SignatureCheck.Malformed))]
    [InlineData("1700000000", "v1=8257689aaab330cfc717312ce82a9d58762a0b79f384425409b8bc616b37a57c", 0, nameof(SignatureCheck.Malformed))]
    [InlineData("1700000000", "v0=8257689aaab330cfc717312ce82a9d58762a0b79f384425409b8bc616b37a57", 0, nameof(SignatureCheck.Malformed))]
    [InlineData("1700000000", "v0=8257689aaab330cfc717312ce82a9d58762a0b79f384425409b8bc616b37a57d", 0, nameof(SignatureCheck.Forged))]
    [InlineData("1700000000", "v0=8257689AAAB330CFC717312CE82A9D58762A0B79F384425409B8BC616B37A57C", 0, nameof(SignatureCheck.Forged))]
    [InlineData("1700000001", FormSignature, 0, nameof(SignatureCheck.Forged))]
    public void ChecksHeaders_WhenTheBodyIsTheReferenceBody(string? timestamp, string? signature, int secondsLater, string expected)
    {
        var check = SlackSignature.Check(Secret, timestamp, signature, Encoding.UTF8.GetBytes(FormBody), At.AddSeconds(secondsLater));

        Assert.Equal(expected, check.ToString());
    }

    [Fact]
    public void RefusesRequest_WhenOneByteOfTheBodyChanged()
    {
        var tampered = Encoding.UTF8.GetBytes(FormBody.Replace("weekly", "weeklY"));

        var check = SlackSignature.Check(Secret, "1700000000", FormSignature, tampered, At);

        Assert.Equal(SignatureCheck.Forged, check);
    }
}
