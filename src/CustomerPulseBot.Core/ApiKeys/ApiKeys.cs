using System.Security.Cryptography;
using System.Text;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.ApiKeys;

/// <summary>
/// Makes and checks API keys: <c>pk_</c> and 32 random bytes in base64url. Only their SHA-256 is stored (a key has the
/// entropy that makes a slow hash needless), so a copy of the database lets nobody call the API. The command line,
/// the chat command and the API's authentication all come here.
/// </summary>
public sealed class ApiKeys(IApiKeyStore store, TimeProvider clock)
{
    public const string Prefix = "pk_";
    public const int MaxNameLength = 60;

    /// <summary>
    /// A new key for the workspace, and its secret, to be shown once; null when a key of that name exists. Without a
    /// name the key is called after its scope and its last four characters.
    /// </summary>
    public async Task<(ApiKey Key, string Secret)?> CreateAsync(
        WorkspaceId workspace, ApiKeyScope scope, string? name, string createdBy, CancellationToken ct)
    {
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var hint = secret[^4..];
        var key = new ApiKey(
            Guid.CreateVersion7(clock.GetUtcNow()), workspace, NameOf(name) ?? $"{scope.ToString().ToLowerInvariant()}-{hint}", scope, hint,
            clock.GetUtcNow(), createdBy);
        return await store.AddApiKeyAsync(key, Hash(secret), ct) ? (key, secret) : null;
    }

    /// <summary>The workspace's keys that still work, oldest first, for <c>api-key list</c>.</summary>
    public Task<IReadOnlyList<ApiKey>> ListAsync(WorkspaceId workspace, CancellationToken ct) => store.ListApiKeysAsync(workspace, ct);

    /// <summary>Revokes the workspace's key of that name now; null when no working key has that name.</summary>
    public Task<ApiKey?> RevokeAsync(WorkspaceId workspace, string name, CancellationToken ct) =>
        store.RevokeApiKeyAsync(workspace, name.Trim(), clock.GetUtcNow(), ct);

    /// <summary>The key a caller presented, when it is one of ours and not revoked.</summary>
    public Task<ApiKey?> AuthenticateAsync(string presented, CancellationToken ct) =>
        presented.StartsWith(Prefix, StringComparison.Ordinal) && presented.Length < 200
            ? store.FindApiKeyAsync(Hash(presented), ct)
            : Task.FromResult<ApiKey?>(null);

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>A name as typed, trimmed; null when none was given. Names are at most <see cref="MaxNameLength"/> characters, checked by callers.</summary>
    public static string? NameOf(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
