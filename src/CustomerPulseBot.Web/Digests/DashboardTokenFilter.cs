using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;

namespace CustomerPulseBot.Web.Digests;

/// <summary>
/// Lets a dashboard request through only with the admin token: as <c>Authorization: Bearer &lt;token&gt;</c>, or
/// through the cookie that visiting <c>/hangfire?token=&lt;token&gt;</c> once sets. The cookie holds no token: it holds
/// when it expires (<see cref="CookieLifetime"/> after the visit) and a MAC of that time keyed by the token's hash,
/// so a copied cookie stops working when it expires, and a new token ends every cookie of the old one. It is
/// HttpOnly and SameSite=Strict, so another site cannot use it to post the dashboard's trigger and delete forms.
/// Comparisons are constant-time over values of equal length.
/// </summary>
internal sealed class DashboardTokenFilter(string adminToken, TimeProvider clock) : IDashboardAuthorizationFilter
{
    public const string Cookie = "pulse_hangfire";
    public const string QueryParameter = "token";

    /// <summary>A working day: long enough not to ask again in a session, short enough that a lost cookie soon stops working.</summary>
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromHours(8);

    private readonly byte[] expected = Hash(adminToken);

    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var request = http.Request;
        if (IsToken(BearerToken(request)) || IsValidCookie(request.Cookies[Cookie]))
        {
            return true;
        }

        if (!IsToken(request.Query[QueryParameter]))
        {
            return false;
        }

        var expires = clock.GetUtcNow() + CookieLifetime;
        http.Response.Cookies.Append(Cookie, CookieValue(expires.ToUnixTimeSeconds()), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = request.IsHttps,
            Path = DigestSetup.DashboardPath,
            Expires = expires,
            MaxAge = CookieLifetime,
        });
        return true;
    }

    private static string? BearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString() is var header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : null;

    private bool IsToken(string? candidate) =>
        !string.IsNullOrEmpty(candidate) && CryptographicOperations.FixedTimeEquals(Hash(candidate), expected);

    /// <summary>"{expiry in Unix seconds}.{MAC}": still before its expiry, and the MAC is ours.</summary>
    private bool IsValidCookie(string? cookie)
    {
        var dot = cookie?.IndexOf('.') ?? -1;
        if (dot <= 0
            || !long.TryParse(cookie.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || expires <= clock.GetUtcNow().ToUnixTimeSeconds())
        {
            return false;
        }

        var genuine = Encoding.ASCII.GetBytes(CookieValue(expires));
        return CryptographicOperations.FixedTimeEquals(genuine, Encoding.ASCII.GetBytes(cookie!)); // dot > 0, so not null
    }

    private string CookieValue(long expires)
    {
        var time = expires.ToString(CultureInfo.InvariantCulture);
        return time + "." + Convert.ToHexStringLower(HMACSHA256.HashData(expected, Encoding.ASCII.GetBytes(Cookie + ":" + time)));
    }

    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
