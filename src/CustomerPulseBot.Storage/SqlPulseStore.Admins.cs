using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage;

/// <summary>Workspace admins and installers (migration 0011), in the same portable SQL as the rest of the store.</summary>
internal abstract partial class SqlPulseStore : IAdminStore
{
    public Task<IReadOnlyList<WorkspaceAdmin>> GetAdminsAsync(WorkspaceId workspace, CancellationToken ct) => ReadAsync<IReadOnlyList<WorkspaceAdmin>>(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("""
            SELECT user_id, user_name, added_by, added_by_name, added_at
              FROM workspace_admins
             WHERE workspace_id = @w
             ORDER BY added_at, user_id
            """)
            .With("@w", workspace.Value);
        return await command.ListAsync(r => new WorkspaceAdmin(
            new ChatUser(r.GetString(0), r.GetString(1)), new ChatUser(r.GetString(2), r.GetString(3)), Rows.Time(r.GetInt64(4))), ct);
    }, ct);

    public Task<bool> IsListedAdminAsync(WorkspaceId workspace, string userId, CancellationToken ct) => ReadAsync(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("SELECT 1 FROM workspace_admins WHERE workspace_id = @w AND user_id = @user")
            .With("@w", workspace.Value)
            .With("@user", userId);
        return await command.ExecuteScalarAsync(ct) is not null;
    }, ct);

    public Task<bool> AddAdminAsync(WorkspaceId workspace, WorkspaceAdmin admin, CancellationToken ct) => OnceAsync(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("""
            INSERT INTO workspace_admins (workspace_id, user_id, user_name, added_by, added_by_name, added_at)
            VALUES (@w, @user, @name, @by, @by_name, @at)
            ON CONFLICT (workspace_id, user_id) DO NOTHING
            """)
            .With("@w", workspace.Value)
            .With("@user", admin.Person.Id)
            .With("@name", admin.Person.Name)
            .With("@by", admin.AddedBy.Id)
            .With("@by_name", admin.AddedBy.Name)
            .With("@at", Rows.Millis(admin.AddedAt));
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }, ct);

    public Task<bool> RemoveAdminAsync(WorkspaceId workspace, string userId, CancellationToken ct) => OnceAsync(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("DELETE FROM workspace_admins WHERE workspace_id = @w AND user_id = @user")
            .With("@w", workspace.Value)
            .With("@user", userId);
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }, ct);

    public async Task RecordInstallerAsync(WorkspaceId workspace, ChatUser installer, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("""
            INSERT INTO workspace_installers (workspace_id, user_id, user_name, installed_at)
            VALUES (@w, @user, @name, @at)
            ON CONFLICT (workspace_id) DO NOTHING
            """)
            .With("@w", workspace.Value)
            .With("@user", installer.Id)
            .With("@name", installer.Name)
            .With("@at", Rows.Millis(at));
        await command.ExecuteNonQueryAsync(ct);
    }

    public Task<ChatUser?> FindInstallerAsync(WorkspaceId workspace, CancellationToken ct) => ReadAsync(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("SELECT user_id, user_name FROM workspace_installers WHERE workspace_id = @w")
            .With("@w", workspace.Value);
        return await command.SingleOrDefaultAsync(r => new ChatUser(r.GetString(0), r.GetString(1)), ct);
    }, ct);
}
