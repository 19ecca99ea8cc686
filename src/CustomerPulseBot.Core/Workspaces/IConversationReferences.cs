namespace CustomerPulseBot.Core.Workspaces;

/// <summary>Where a chat app is installed, per workspace and conversation; saving again replaces the reference.</summary>
public interface IConversationReferences
{
    Task SaveConversationAsync(ConversationReference reference, CancellationToken ct);

    Task<ConversationReference?> FindConversationAsync(WorkspaceId workspace, string conversationId, CancellationToken ct);

    /// <summary>True when there was a reference to remove.</summary>
    Task<bool> RemoveConversationAsync(WorkspaceId workspace, string conversationId, CancellationToken ct);
}
