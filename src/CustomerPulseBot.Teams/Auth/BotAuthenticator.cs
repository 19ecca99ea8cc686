using System.Net;
using System.Text.Json;
using CustomerPulseBot.Teams.Activities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CustomerPulseBot.Teams.Auth;

// Checks that an activity comes from the Bot Framework, in the order of teams-bot-framework.md, section 2:
// the token (signature, issuer, audience, lifetime), the signing key's endorsement for the activity's channel,
// the serviceurl claim against the activity; then that we serve its tenant and may call its serviceUrl.
internal sealed class BotAuthenticator(
    IOptions<TeamsOptions> options, ConfigurationManager<OpenIdConnectConfiguration> metadata, ILogger<BotAuthenticator> logger)
{
    public const string Issuer = "https://api.botframework.com";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };

    public async Task<AuthOutcome> AuthenticateAsync(string? authorization, Activity activity, CancellationToken ct)
    {
        var settings = options.Value;
        var outcome = string.IsNullOrEmpty(authorization)
            ? settings.AllowUnauthenticatedLocal && IsLoopback(activity.ServiceUrl) ? AuthOutcome.Accepted : Refuse(AuthOutcome.Unauthenticated, "no token")
            : await CheckTokenAsync(authorization, activity, ct);
        return outcome == AuthOutcome.Accepted ? CheckDestination(activity, settings) : outcome;
    }

    private async Task<AuthOutcome> CheckTokenAsync(string authorization, Activity activity, CancellationToken ct)
    {
        const string scheme = "Bearer ";
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(AuthOutcome.Unauthenticated, "not a bearer token");
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = options.Value.AppId,
            ClockSkew = ClockSkew,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512],
            // Fetches the keys, and fetches them again when a token names a key it has not seen.
            ConfigurationManager = metadata,
        };
        var result = await handler.ValidateTokenAsync(authorization[scheme.Length..].Trim(), parameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            return Refuse(AuthOutcome.Unauthenticated, result.Exception?.GetType().Name ?? "invalid token");
        }

        var configuration = await metadata.GetConfigurationAsync(ct);
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == token.Kid);
        if (key is null || !Endorsements(key).Contains(activity.ChannelId, StringComparer.Ordinal))
        {
            return Refuse(AuthOutcome.Forbidden, "signing key not endorsed for the channel");
        }

        return token.TryGetPayloadValue<string>("serviceurl", out var serviceUrl)
               && string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase)
            ? AuthOutcome.Accepted
            : Refuse(AuthOutcome.Unauthenticated, "serviceurl claim does not match the activity");
    }

    private AuthOutcome CheckDestination(Activity activity, TeamsOptions settings)
    {
        var tenants = settings.Tenants.ToList();
        if (tenants.Count > 0 && !tenants.Contains(activity.TenantId ?? "", StringComparer.OrdinalIgnoreCase))
        {
            logger.LogWarning("Refused a Teams activity from tenant {TenantId}: not served here", activity.TenantId);
            return AuthOutcome.Forbidden;
        }

        var host = Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var url) ? url.Host : "";
        var allowed = settings.ServiceUrlHosts.Contains(host, StringComparer.OrdinalIgnoreCase)
            || (settings.AllowUnauthenticatedLocal && IsLoopback(activity.ServiceUrl));
        return allowed ? AuthOutcome.Accepted : Refuse(AuthOutcome.Forbidden, "serviceUrl host not allowed");
    }

    private AuthOutcome Refuse(AuthOutcome outcome, string reason)
    {
        logger.LogWarning("Refused a Teams activity ({Status}): {Reason}", outcome, reason);
        return outcome;
    }

    // The key set keeps the Bot Framework's extra member as it was parsed.
    private static IEnumerable<string?> Endorsements(JsonWebKey key) =>
        key.AdditionalData.TryGetValue("endorsements", out var value) ? value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : null),
            IEnumerable<object> list => list.Select(e => e as string ?? e?.ToString()),
            _ => [],
        } : [];

    public static bool IsLoopback(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url)
        && (url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));
}
