namespace CustomerPulseBot.Core.Workspaces;

/// <summary>
/// The admins a workspace keeps itself: the people added with <c>admins add</c>, and, for a platform whose
/// installations the bot does not otherwise record (Teams), the person who installed the app.
/// </summary>
public interface IAdminStore
{
    /// <summary>The people added, first added first.</summary>
    Task<IReadOnlyList<WorkspaceAdmin>> GetAdminsAsync(WorkspaceId workspace, CancellationToken ct);

    Task<bool> IsListedAdminAsync(WorkspaceId workspace, string userId, CancellationToken ct);

    /// <summary>False when the person was on the list already (who added them first, and when, stay).</summary>
    Task<bool> AddAdminAsync(WorkspaceId workspace, WorkspaceAdmin admin, CancellationToken ct);

    /// <summary>False when the person was not on the list.</summary>
    Task<bool> RemoveAdminAsync(WorkspaceId workspace, string userId, CancellationToken ct);

    /// <summary>Records who installed the app, unless someone is recorded already: the first install in a workspace counts.</summary>
    Task RecordInstallerAsync(WorkspaceId workspace, ChatUser installer, DateTimeOffset at, CancellationToken ct);

    Task<ChatUser?> FindInstallerAsync(WorkspaceId workspace, CancellationToken ct);
}
