using System.Security.Cryptography;
using System.Text;

namespace CustomerPulseBot.Slack.Signing;

/// <summary>Slack's v0 request signature (reference section 1): HMAC-SHA256 over "v0:{timestamp}:{raw body}".</summary>
internal static class SlackSignature
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private const string Prefix = "v0=";
    private const int HexLength = 64;

    public static string Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var head = Encoding.ASCII.GetBytes($"v0:{timestamp}:");
        var data = new byte[head.Length + body.Length];
        head.CopyTo(data, 0);
        body.CopyTo(data.AsSpan(head.Length));
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data));
    }

    public static SignatureCheck Check(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SignatureCheck.Missing;
        }

        if (!long.TryParse(timestamp, System.Globalization.NumberStyles.None, null, out var seconds)
            || signature.Length != Prefix.Length + HexLength
            || !signature.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return SignatureCheck.Malformed;
        }

        // The window applies both ways: a timestamp from the future is as suspect as an old one.
        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > Window.TotalSeconds)
        {
            return SignatureCheck.Stale;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature))
            ? SignatureCheck.Valid
            : SignatureCheck.Forged;
    }
}
