using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;

namespace CustomerPulseBot.Web.Digests;

/// <summary>
/// Lets a dashboard request through only with the admin token: as <c>Authorization: Bearer &lt;token&gt;</c>, or
/// through the cookie that visiting <c>/hangfire?token=&lt;token&gt;</c> once sets. The cookie holds the token's
/// hash, never the token; it is HttpOnly and SameSite=Strict, so another site cannot use it to post the
/// dashboard's trigger and delete forms. Comparisons are constant-time over hashes of equal length.
/// </summary>
internal sealed class DashboardTokenFilter(string adminToken) : IDashboardAuthorizationFilter
{
    public const string Cookie = "pulse_hangfire";
    public const string QueryParameter = "token";

    private readonly byte[] expected = Hash(adminToken);

    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var request = http.Request;
        if (IsToken(BearerToken(request)) || IsHash(request.Cookies[Cookie]))
        {
            return true;
        }

        if (!IsToken(request.Query[QueryParameter]))
        {
            return false;
        }

        http.Response.Cookies.Append(Cookie, Convert.ToHexString(expected), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = request.IsHttps,
            Path = DigestSetup.DashboardPath,
        });
        return true;
    }

    private static string? BearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString() is var header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : null;

    private bool IsToken(string? candidate) =>
        !string.IsNullOrEmpty(candidate) && CryptographicOperations.FixedTimeEquals(Hash(candidate), expected);

    private bool IsHash(string? cookie)
    {
        if (string.IsNullOrEmpty(cookie) || cookie.Length != expected.Length * 2)
        {
            return false;
        }

        try
        {
            return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(cookie), expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
