using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerPulseBot.TestKit.Teams;

/// <summary>
/// A stand-in for the Bot Framework's token service on 127.0.0.1: OpenID metadata and a key set in its shape
/// (keys with <c>endorsements</c>), and tokens signed as the Bot Connector signs them.
/// </summary>
public sealed class TestTokenIssuer : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";

    /// <summary>Published and endorsed for msteams: what Teams signs with.</summary>
    public const string TeamsKey = "teams-key";

    /// <summary>Published, but endorsed only for another channel.</summary>
    public const string OtherChannelKey = "skype-key";

    /// <summary>Published with no endorsements at all.</summary>
    public const string UnendorsedKey = "bare-key";

    /// <summary>Never published: a token signed with it has a signature nobody can check.</summary>
    public const string UnpublishedKey = "stray-key";

    private readonly WebApplication app;
    private readonly Dictionary<string, RsaSecurityKey> keys = new[] { TeamsKey, OtherChannelKey, UnendorsedKey, UnpublishedKey }
        .ToDictionary(kid => kid, kid => new RsaSecurityKey(RSA.Create(2048)) { KeyId = kid });

    private TaskCompletionSource? stall;

    private TestTokenIssuer(WebApplication app) => this.app = app;

    public string Root => app.Urls.Single().TrimEnd('/');

    /// <summary>What <c>Teams:OpenIdMetadataUrl</c> should be set to.</summary>
    public string MetadataUrl => Root + "/v1/.well-known/openidconfiguration";

    public static async Task<TestTokenIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var issuer = new TestTokenIssuer(app);
        app.MapGet("/v1/.well-known/openidconfiguration", async (HttpContext http) =>
        {
            await issuer.WaitWhileStalledAsync(http.RequestAborted);
            return Results.Text(issuer.Metadata().ToJsonString(), "application/json");
        });
        app.MapGet("/v1/.well-known/keys", async (HttpContext http) =>
        {
            await issuer.WaitWhileStalledAsync(http.RequestAborted);
            return Results.Text(issuer.KeySet().ToJsonString(), "application/json");
        });
        await app.StartAsync();
        return issuer;
    }

    /// <summary>
    /// A token as the Bot Connector sends it; each argument can be turned wrong for a refusal test.
    /// A null <paramref name="serviceUrl"/> leaves the claim out.
    /// </summary>
    public string Token(
        string audience, string? serviceUrl, string issuer = Issuer, string key = TeamsKey, DateTimeOffset? expires = null, string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var until = expires ?? DateTimeOffset.UtcNow.AddMinutes(30);
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            Subject = new ClaimsIdentity(),
            IssuedAt = until.AddHours(-1).UtcDateTime,
            NotBefore = until.AddHours(-1).UtcDateTime,
            Expires = until.UtcDateTime,
            SigningCredentials = new SigningCredentials(keys[key], algorithm),
        });
    }

    /// <summary>From now on the metadata and the key set answer nothing until <see cref="Resume"/>: a stalled endpoint.</summary>
    public void Stall() => Interlocked.CompareExchange(ref stall, new(TaskCreationOptions.RunContinuationsAsynchronously), null);

    public void Resume() => Interlocked.Exchange(ref stall, null)?.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        Resume();
        await app.DisposeAsync();
    }

    private async Task WaitWhileStalledAsync(CancellationToken aborted)
    {
        if (Volatile.Read(ref stall) is { } stalled)
        {
            await stalled.Task.WaitAsync(aborted);
        }
    }

    private JsonObject Metadata() => new()
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = "https://invalid.example/authorize",
        ["jwks_uri"] = Root + "/v1/.well-known/keys",
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    };

    private JsonObject KeySet() => new()
    {
        ["keys"] = new JsonArray(
            Jwk(TeamsKey, "msteams"),
            Jwk(OtherChannelKey, "skype"),
            Jwk(UnendorsedKey)),
    };

    private JsonObject Jwk(string kid, params string[] endorsements)
    {
        var parameters = keys[kid].Rsa.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (endorsements.Length > 0)
        {
            jwk["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)e)]);
        }

        return jwk;
    }
}
