using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace CustomerPulseBot.TestKit.Slack;

/// <summary>
/// Builds requests as Slack sends them: form or JSON bodies signed with v0 HMAC-SHA256. Written apart from
/// the app's verifier so that each checks the other; the interop test checks both against @slack/bolt.
/// </summary>
public sealed class SlackRequestSigner(string secret, TimeProvider clock)
{
    public static string Sign(string secret, string timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"));
        return "v0=" + Convert.ToHexStringLower(mac);
    }

    public HttpRequestMessage Form(string path, IEnumerable<KeyValuePair<string, string>> fields, DateTimeOffset? at = null)
    {
        var body = string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
        return Signed(path, body, "application/x-www-form-urlencoded", at);
    }

    /// <summary>An interactivity request: the JSON goes in the single form field <c>payload</c>.</summary>
    public HttpRequestMessage Payload(string path, string json, DateTimeOffset? at = null) =>
        Form(path, [new("payload", json)], at);

    public HttpRequestMessage Json(string path, string json, DateTimeOffset? at = null) =>
        Signed(path, json, "application/json", at);

    public HttpRequestMessage Signed(string path, string body, string contentType, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? clock.GetUtcNow()).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = Unsigned(path, body, contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", Sign(secret, timestamp, body));
        return request;
    }

    public static HttpRequestMessage Unsigned(string path, string body, string contentType) =>
        new(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType)),
        };
}
