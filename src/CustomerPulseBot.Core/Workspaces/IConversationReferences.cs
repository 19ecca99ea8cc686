namespace CustomerPulseBot.Core.Workspaces;

/// <summary>Where a chat app is installed, per workspace and conversation; saving again replaces the reference.</summary>
public interface IConversationReferences
{
    Task SaveConversationAsync(ConversationReference reference, CancellationToken ct);

    Task<ConversationReference?> FindConversationAsync(WorkspaceId workspace, string conversationId, CancellationToken ct);

    /// <summary>The workspace's most recently updated reference: its service URL, tenant and bot id start a new 1:1 chat.</summary>
    Task<ConversationReference?> FindLatestConversationAsync(WorkspaceId workspace, CancellationToken ct);

    /// <summary>True when there was a reference to remove.</summary>
    Task<bool> RemoveConversationAsync(WorkspaceId workspace, string conversationId, CancellationToken ct);
}
