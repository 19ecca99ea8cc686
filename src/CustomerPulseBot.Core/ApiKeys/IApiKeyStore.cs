using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.ApiKeys;

/// <summary>API keys, by the SHA-256 hash of their secret (<see cref="ApiKeys.Hash"/>).</summary>
public interface IApiKeyStore
{
    /// <summary>Stores the key; false (nothing stored) when the workspace has a key of that name that is not revoked.</summary>
    Task<bool> AddApiKeyAsync(ApiKey key, byte[] hash, CancellationToken ct);

    /// <summary>The key with this hash when it is not revoked, else null.</summary>
    Task<ApiKey?> FindApiKeyAsync(byte[] hash, CancellationToken ct);

    /// <summary>The workspace's keys that are not revoked, oldest first.</summary>
    Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(WorkspaceId workspace, CancellationToken ct);

    /// <summary>Revokes the workspace's key of that name (case-insensitive); null when there is none to revoke.</summary>
    Task<ApiKey?> RevokeApiKeyAsync(WorkspaceId workspace, string name, DateTimeOffset at, CancellationToken ct);

    /// <summary>
    /// The workspaces whose id (<see cref="WorkspaceId"/> as a GUID in any format), external id (Slack team, Teams tenant) or
    /// name (case-insensitive) is <paramref name="nameOrId"/>: for the command line, which names one. Several when the
    /// name is ambiguous.
    /// </summary>
    Task<IReadOnlyList<Workspace>> FindWorkspacesAsync(string nameOrId, CancellationToken ct);
}
