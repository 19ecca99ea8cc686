using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace CustomerPulseBot.Bench.Shared;

/// <summary>
/// A <c>/pulse</c> slash command as Slack posts it: a form body signed (v0 HMAC-SHA256) when it is created, so
/// that a timed load only copies bytes.
/// </summary>
internal sealed record SignedSlashCommand(byte[] Body, string Timestamp, string Signature)
{
    private static readonly MediaTypeHeaderValue Form = new("application/x-www-form-urlencoded");

    public static SignedSlashCommand Create(
        string secret, string team, string channel, string user, string text, string triggerId, DateTimeOffset now)
    {
        var fields = new (string Name, string Value)[]
        {
            ("token", "deprecated"),
            ("team_id", team),
            ("team_domain", "bench"),
            ("channel_id", channel),
            ("channel_name", "customer-voice"),
            ("user_id", user),
            ("user_name", "bench"),
            ("command", "/pulse"),
            ("text", text),
            ("api_app_id", "A0BENCH01"),
            ("response_url", "https://hooks.slack.com/commands/T0/1/bench"),
            ("trigger_id", triggerId),
        };
        var body = Encoding.UTF8.GetBytes(string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(f.Value)}")));
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes($"v0:{timestamp}:").Concat(body).ToArray();
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
        return new SignedSlashCommand(body, timestamp, signature);
    }

    public HttpRequestMessage ToRequest(Uri url)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(Body) };
        request.Content.Headers.ContentType = Form;
        request.Headers.Add("X-Slack-Request-Timestamp", Timestamp);
        request.Headers.Add("X-Slack-Signature", Signature);
        return request;
    }
}
