using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace CustomerPulseBot.SlackBench;

/// <summary>
/// One <c>/pulse</c> capture as Slack posts it: a form body with a quote no other capture of the run has,
/// signed (v0 HMAC-SHA256) before the clock starts, so the load generator only copies bytes while it is timed.
/// </summary>
internal sealed record SignedCapture(string Quote, byte[] Body, string Timestamp, string Signature)
{
    private static readonly MediaTypeHeaderValue Form = new("application/x-www-form-urlencoded");

    /// <summary>Capture <paramref name="sequence"/> of a run: a few customers and themes recur, as in a real channel.</summary>
    public static SignedCapture Create(string secret, string team, string run, int sequence, DateTimeOffset now)
    {
        var quote = $"Bench capture {run}-{sequence}: exports time out on big accounts";
        var text = $"{quote} customer:Acme{sequence % 40} kind:pain #bench-theme-{sequence % 8}";
        var fields = new (string Name, string Value)[]
        {
            ("token", "deprecated"),
            ("team_id", team),
            ("team_domain", "bench"),
            ("channel_id", "C0BENCH01"),
            ("channel_name", "customer-voice"),
            ("user_id", $"U0BENCH{sequence % 20:00}"),
            ("user_name", "bench"),
            ("command", "/pulse"),
            ("text", text),
            ("api_app_id", "A0BENCH01"),
            ("response_url", "https://hooks.slack.com/commands/T0/1/bench"),
            ("trigger_id", $"{sequence}.1.bench"),
        };
        var body = Encoding.UTF8.GetBytes(string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(f.Value)}")));
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes($"v0:{timestamp}:").Concat(body).ToArray();
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
        return new SignedCapture(quote, body, timestamp, signature);
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
