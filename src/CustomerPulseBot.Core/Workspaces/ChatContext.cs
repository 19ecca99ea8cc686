namespace CustomerPulseBot.Core.Workspaces;

/// <summary>
/// Who asked, where, and in which time zone: everything a command needs besides its words.
/// <paramref name="TimeZone"/> is the person's zone when the platform tells it, else the workspace's.
/// </summary>
public sealed record ChatContext(
    Workspace Workspace,
    ChatUser User,
    string ChannelId,
    TimeZoneInfo TimeZone,
    string? MessagePermalink = null)
{
    public WorkspaceId WorkspaceId => Workspace.Id;
}
