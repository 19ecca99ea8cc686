namespace CustomerPulseBot.Core.Workspaces;

/// <summary>
/// Who may run destructive and workspace-wide commands: the platform's own admins (Slack owners and admins, Teams team
/// owners), the person who installed the app, and the people an admin added. Each platform answers for its own people.
/// </summary>
public interface IWorkspaceAdmins
{
    Task<bool> IsAdminAsync(ChatContext context, CancellationToken ct);
}
