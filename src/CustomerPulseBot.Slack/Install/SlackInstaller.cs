using System.Net;
using System.Security.Cryptography;
using System.Text;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Slack.Api;
using CustomerPulseBot.Slack.Workspaces;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerPulseBot.Slack.Install;

/// <summary>
/// OAuth v2 install for many workspaces (reference section 8). The state travels in a cookie encrypted with
/// Data Protection and limited to ten minutes, so any host behind the load balancer (sharing the key ring)
/// can check the callback without server-side session state.
/// </summary>
internal sealed class SlackInstaller(
    SlackApiClient slack,
    SlackWorkspaces workspaces,
    IDataProtectionProvider protection,
    IOptions<SlackOptions> options,
    TimeProvider clock,
    ILogger<SlackInstaller> logger)
{
    public const string StateCookie = "slack_oauth_state";
    public const string Scopes =
        "commands,chat:write,chat:write.public,im:history,im:write,channels:history,groups:history,mpim:history,app_mentions:read,users:read";
    private static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);
    private readonly ITimeLimitedDataProtector states = protection.CreateProtector("CustomerPulseBot.Slack.OAuthState").ToTimeLimitedDataProtector();

    public IResult Start(HttpContext http)
    {
        var settings = options.Value;
        var state = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        http.Response.Cookies.Append(StateCookie, states.Protect(state, clock.GetUtcNow() + StateLifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = StateLifetime,
        });
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = settings.ClientId,
            ["scope"] = Scopes,
            ["redirect_uri"] = settings.RedirectUrl,
            ["state"] = state,
        };
        return Results.Redirect(QueryHelpers.AddQueryString(settings.AuthorizeUrl, query.Where(q => q.Value is not null)));
    }

    public async Task<IResult> CallbackAsync(HttpContext http, CancellationToken ct)
    {
        var query = http.Request.Query;
        if (!StateMatches(http.Request.Cookies[StateCookie], query["state"]))
        {
            logger.LogWarning("Refused a Slack OAuth callback: state missing, expired or not matching");
            return Page(StatusCodes.Status400BadRequest, "This install link has expired or was not started here. Start again from the install page.");
        }

        http.Response.Cookies.Delete(StateCookie);
        if (!string.IsNullOrEmpty(query["error"]) || string.IsNullOrEmpty(query["code"]))
        {
            return Page(StatusCodes.Status200OK, "The installation was cancelled; nothing was installed.");
        }

        var settings = options.Value;
        OAuthAccess access;
        try
        {
            access = await slack.ExchangeCodeAsync(settings.ClientId!, settings.ClientSecret ?? "", query["code"]!, settings.RedirectUrl, ct);
        }
        catch (SlackApiException e)
        {
            logger.LogWarning("Slack OAuth code exchange failed: {Error}", e.Error);
            return Page(StatusCodes.Status502BadGateway, "Slack did not accept the installation. Start again from the install page.");
        }

        var externalId = access.IsEnterpriseInstall && access.EnterpriseId is not null ? access.EnterpriseId : access.TeamId;
        await workspaces.SaveAsync(new Installation(
            Platform.Slack, externalId, access.EnterpriseId, access.IsEnterpriseInstall, "", access.BotUserId, access.Scope,
            access.InstallerUserId, clock.GetUtcNow()), access.AccessToken, ct);
        logger.LogInformation("Slack app installed for {ExternalId} by {UserId}", externalId, access.InstallerUserId);
        return Page(StatusCodes.Status200OK, $"CustomerPulseBot is installed in {access.TeamName ?? externalId}. Type /pulse help in Slack to start.");
    }

    private bool StateMatches(string? cookie, string? returned)
    {
        if (cookie is null || returned is null)
        {
            return false;
        }

        try
        {
            var expected = states.Unprotect(cookie, out _);
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(returned));
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static IResult Page(int status, string message) => Results.Content(
        $"<!doctype html><meta charset=\"utf-8\"><title>CustomerPulseBot</title><p>{WebUtility.HtmlEncode(message)}</p>",
        "text/html; charset=utf-8",
        statusCode: status);
}
