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
    IOptions<TeamsOptions> options, ConfigurationManager<OpenIdConnectConfiguration> metadata, LocalPlayground playground, ILogger<BotAuthenticator> logger)
{
    public const string Issuer = "https://api.botframework.com";

    // One fetch of the metadata or the key set; nobody waits for it this long (KeyWait), but a stalled endpoint must let
    // go of the fetch so that a later request can start another.
    public static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(10);

    // How long a request waits for keys this host has never had: well inside Teams' 5 s invoke budget. Once fetched, the
    // keys are kept in memory and refreshed in the background, and a refresh that stalls leaves the last ones in use.
    private static readonly TimeSpan KeyWait = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };

    public async Task<AuthOutcome> AuthenticateAsync(string? authorization, Activity activity, CancellationToken ct)
    {
        var settings = options.Value;
        var outcome = string.IsNullOrEmpty(authorization)
            ? playground.Trusts(activity.ServiceUrl) ? AuthOutcome.Accepted : Refuse(AuthOutcome.Unauthenticated, "no token")
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

        if (!await HasKeysAsync(ct))
        {
            return Refuse(AuthOutcome.Unavailable, "the Bot Framework's signing keys could not be fetched in time");
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = options.Value.AppId,
            ClockSkew = ClockSkew,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512],
            // The keys are in memory now; it fetches them again in the background when a token names one it has not seen.
            ConfigurationManager = metadata,
        };
        var result = await handler.ValidateTokenAsync(authorization[scheme.Length..].Trim(), parameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            return Refuse(AuthOutcome.Unauthenticated, result.Exception?.GetType().Name ?? "invalid token");
        }

        // The keys the token was checked with, perhaps newer than those HasKeysAsync saw.
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
        var allowed = settings.ServiceUrlHosts.Contains(host, StringComparer.OrdinalIgnoreCase) || playground.Trusts(activity.ServiceUrl);
        return allowed ? AuthOutcome.Accepted : Refuse(AuthOutcome.Forbidden, "serviceUrl host not allowed");
    }

    // Whether there are keys: known at once when they were fetched before, else after at most KeyWait (or when the
    // request is gone). The fetch is shared and goes on without this request, so a later one may find the keys.
    private async Task<bool> HasKeysAsync(CancellationToken ct)
    {
        try
        {
            await metadata.GetConfigurationAsync(ct).WaitAsync(KeyWait, ct);
            return true;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("No Bot Framework signing keys yet ({Error})", e.GetType().Name);
            return false;
        }
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
}
