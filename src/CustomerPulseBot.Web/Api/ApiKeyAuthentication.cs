using System.Security.Claims;
using System.Text.Encodings.Web;
using CustomerPulseBot.Core;
using CustomerPulseBot.Core.ApiKeys;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CustomerPulseBot.Web.Api;

/// <summary>
/// <c>Authorization: Bearer pk_…</c> for /api/v1, checked by Core's <see cref="ApiKeys"/>: a key that is ours and not
/// revoked authenticates as its workspace, with its scope as a claim (the write policy reads it) and its id as the rate
/// limiter's partition. Refusals are problems: 401 with <c>WWW-Authenticate: Bearer</c>, 403 for a read key writing.
/// </summary>
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggers, UrlEncoder encoder, ApiKeys keys, IPulseStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string ScopeClaim = "pulse:scope";
    public const string KeyIdClaim = "pulse:key";

    private const string Bearer = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // The host's only scheme, so ASP.NET Core runs it on every request: Teams' own Bearer tokens are not API keys.
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0 || !Request.Path.StartsWithSegments(ApiSetup.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        ApiKey? key;
        Workspace? workspace;
        try
        {
            key = header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)
                ? await keys.AuthenticateAsync(header[Bearer.Length..].Trim(), Context.RequestAborted)
                : null;
            workspace = key is null ? null : await store.GetWorkspaceAsync(key.Workspace, Context.RequestAborted);
        }
        catch (Exception e) when (!Context.RequestAborted.IsCancellationRequested)
        {
            // The key may be good: the database did not answer. The challenge says so (503), not that the key is unknown.
            Logger.LogWarning(e, "API request {CorrelationId} to {Path}: the key could not be checked", Context.TraceIdentifier, Request.Path);
            return AuthenticateResult.Fail(e);
        }

        if (key is null || workspace is null)
        {
            // The presented value is a secret, or someone's guess at one: it is never logged.
            Logger.LogInformation("Refused an API request to {Path}: unknown or revoked key", Request.Path);
            return AuthenticateResult.Fail("unknown or revoked key");
        }

        ApiCaller.For(key, workspace).Attach(Context);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, key.Name),
                new Claim(KeyIdClaim, key.Id.ToString("N")),
                new Claim(ScopeClaim, key.Scope.ToString().ToLowerInvariant()),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        // Fail(string) wraps its words in an AuthenticationFailureException; any other failure is the store's, kept as thrown.
        if (result.Failure is { } failure and not AuthenticationFailureException)
        {
            await ApiProblems.Failed(Context, failure).ExecuteAsync(Context);
            return;
        }

        var presented = result.Failure is not null;
        Response.Headers.WWWAuthenticate = presented ? "Bearer error=\"invalid_token\"" : "Bearer";
        await ApiProblems.Problem(
                StatusCodes.Status401Unauthorized,
                presented
                    ? "The API key is unknown or revoked. Create one with `api-key create` in chat or on the command line."
                    : $"Send an API key: Authorization: Bearer {ApiKeys.Prefix}…")
            .ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.Problem(StatusCodes.Status403Forbidden, "This key may only read. Adding or deleting needs a key with write scope.")
            .ExecuteAsync(Context);
}
