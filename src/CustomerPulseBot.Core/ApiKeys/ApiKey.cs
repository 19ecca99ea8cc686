using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.ApiKeys;

/// <summary>
/// A workspace's key for the REST API, as stored: never the secret itself, only its hash (kept by the store) and its
/// last four characters (<paramref name="Hint"/>) so people can tell keys apart. <paramref name="Name"/> is unique among
/// the workspace's keys that are not revoked; <paramref name="CreatedBy"/> names a person or "command line".
/// </summary>
public sealed record ApiKey(
    Guid Id,
    WorkspaceId Workspace,
    string Name,
    ApiKeyScope Scope,
    string Hint,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? RevokedAt = null)
{
    public bool CanWrite => Scope == ApiKeyScope.Write;
}
