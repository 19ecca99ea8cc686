using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Core.Workspaces;

/// <summary>
/// The one answer to "may this person run admin commands here?": yes when the workspace lists them (added with
/// <c>admins add</c>), when they installed the app, or when their platform makes them an admin. A platform without
/// an <see cref="IPlatformAdmins"/> makes nobody an admin: only the people added count there.
/// </summary>
public sealed class WorkspaceAdmins(IAdminStore store, IEnumerable<IPlatformAdmins> platforms, ILogger<WorkspaceAdmins> logger) : IWorkspaceAdmins
{
    private readonly IReadOnlyDictionary<Platform, IPlatformAdmins> byPlatform = platforms.ToDictionary(p => p.Platform);

    public async Task<bool> IsAdminAsync(ChatContext context, CancellationToken ct) => await CheckAsync(context, ct) == true;

    /// <summary>As <see cref="IsAdminAsync"/>, but null when only the platform could have said yes and it did not answer in time.</summary>
    public async Task<bool?> CheckAsync(ChatContext context, CancellationToken ct)
    {
        var user = context.User.Id;
        if (await store.IsListedAdminAsync(context.WorkspaceId, user, ct))
        {
            return true;
        }

        if (Platform(context.Workspace) is not { } platform)
        {
            return false;
        }

        if ((await platform.InstallerAsync(context.Workspace, ct))?.Id == user)
        {
            return true;
        }

        var said = await platform.IsAdminAsync(context, ct);
        if (said is null)
        {
            logger.LogWarning("{Platform} did not say in time whether {UserId} is an admin of workspace {WorkspaceId}; counted as not one",
                context.Workspace.Platform, user, context.WorkspaceId);
        }

        return said;
    }

    public async Task<AdminRoster> RosterAsync(Workspace workspace, CancellationToken ct)
    {
        var platform = Platform(workspace);
        var installer = platform is null ? null : await platform.InstallerAsync(workspace, ct);
        return new AdminRoster(platform?.Admins ?? "nobody by their role", installer, await store.GetAdminsAsync(workspace.Id, ct));
    }

    /// <summary>The person a mention names, as the context's platform reads it; null when it names nobody it vouches for.</summary>
    public ChatUser? Mentioned(ChatContext context, string mention) => Platform(context.Workspace)?.Mentioned(context, mention);

    /// <summary>How to name a person on the context's platform, for the reply when a mention could not be read.</summary>
    public string HowToMention(Workspace workspace) => Platform(workspace)?.HowToMention ?? "mention the person with @";

    public Task<bool> AddAsync(WorkspaceId workspace, WorkspaceAdmin admin, CancellationToken ct) => store.AddAdminAsync(workspace, admin, ct);

    public Task<bool> RemoveAsync(WorkspaceId workspace, string userId, CancellationToken ct) => store.RemoveAdminAsync(workspace, userId, ct);

    private IPlatformAdmins? Platform(Workspace workspace) => byPlatform.GetValueOrDefault(workspace.Platform);
}
