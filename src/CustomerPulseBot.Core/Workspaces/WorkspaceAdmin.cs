namespace CustomerPulseBot.Core.Workspaces;

/// <summary>A person an admin added with <c>admins add</c>: who added them, and when.</summary>
public sealed record WorkspaceAdmin(ChatUser Person, ChatUser AddedBy, DateTimeOffset AddedAt);
