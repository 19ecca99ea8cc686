using CustomerPulseBot.Core.ApiKeys;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage;

/// <summary>
/// API keys (migration 0012), found by the SHA-256 of their secret. A key's name is unique among the workspace's keys
/// that are not revoked, case-insensitively: name_key, lower-cased here as customer keys are, so both databases fold
/// every letter alike (SQLite's lower() folds ASCII only).
/// </summary>
internal abstract partial class SqlPulseStore : IApiKeyStore
{
    /// <summary>The unique index on the name decides, so two keys of one name created at once store one.</summary>
    public Task<bool> AddApiKeyAsync(ApiKey key, byte[] hash, CancellationToken ct) => OnceAsync(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("""
            INSERT INTO api_keys (id, workspace_id, name, name_key, scope, hint, hash, created_at, created_by, revoked_at)
            VALUES (@id, @w, @name, @name_key, @scope, @hint, @hash, @created_at, @created_by, @revoked_at)
            ON CONFLICT (workspace_id, name_key) WHERE revoked_at IS NULL DO NOTHING
            """)
            .With("@id", key.Id)
            .With("@w", key.Workspace.Value)
            .With("@name", key.Name)
            .With("@name_key", NameKey(key.Name))
            .With("@scope", Rows.Word(key.Scope))
            .With("@hint", key.Hint)
            .With("@hash", hash)
            .With("@created_at", Rows.Millis(key.CreatedAt))
            .With("@created_by", key.CreatedBy)
            .With("@revoked_at", key.RevokedAt is { } at ? Rows.Millis(at) : null);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }, ct);

    public Task<ApiKey?> FindApiKeyAsync(byte[] hash, CancellationToken ct) => ReadAsync(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command($"SELECT {Rows.ApiKeyColumns} FROM api_keys WHERE hash = @hash AND revoked_at IS NULL")
            .With("@hash", hash);
        return await command.SingleOrDefaultAsync(Rows.ApiKey, ct);
    }, ct);

    public Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(WorkspaceId workspace, CancellationToken ct) => ReadAsync<IReadOnlyList<ApiKey>>(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command($"""
            SELECT {Rows.ApiKeyColumns} FROM api_keys WHERE workspace_id = @w AND revoked_at IS NULL ORDER BY created_at, id
            """)
            .With("@w", workspace.Value);
        return await command.ListAsync(Rows.ApiKey, ct);
    }, ct);

    public Task<ApiKey?> RevokeApiKeyAsync(WorkspaceId workspace, string name, DateTimeOffset at, CancellationToken ct) => OnceAsync(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command($"""
            UPDATE api_keys SET revoked_at = @at
             WHERE workspace_id = @w AND name_key = @name_key AND revoked_at IS NULL
            RETURNING {Rows.ApiKeyColumns}
            """)
            .With("@w", workspace.Value)
            .With("@name_key", NameKey(name))
            .With("@at", Rows.Millis(at));
        return await command.SingleOrDefaultAsync(Rows.ApiKey, ct);
    }, ct);

    /// <summary>
    /// Every workspace read and matched here: the command line asks once, a deployment has few workspaces, and names
    /// compare case-insensitively in every language, which SQLite's lower() does not.
    /// </summary>
    public Task<IReadOnlyList<Workspace>> FindWorkspacesAsync(string nameOrId, CancellationToken ct) => ReadAsync<IReadOnlyList<Workspace>>(async ct =>
    {
        var wanted = nameOrId.Trim();
        var id = Guid.TryParse(wanted, out var parsed) ? parsed : (Guid?)null;
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command($"SELECT {Rows.WorkspaceColumns} FROM workspaces w ORDER BY w.created_at, w.id");
        var workspaces = await command.ListAsync(Rows.Workspace, ct);
        return workspaces
            .Where(w => w.Id.Value == id || w.ExternalId == wanted || string.Equals(w.Name, wanted, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }, ct);

    private static string NameKey(string name) => name.Trim().ToLowerInvariant();
}
