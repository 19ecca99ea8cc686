namespace CustomerPulseBot.Core.Workspaces;

/// <summary>
/// What is needed to post into a Teams conversation later (a digest, a proactive message): taken only from
/// authenticated activities, so <paramref name="ServiceUrl"/> is one the Bot Framework vouched for.
/// <paramref name="ConversationType"/> is personal, groupChat or channel; <paramref name="TeamId"/> is set in a team.
/// </summary>
public sealed record ConversationReference(
    WorkspaceId WorkspaceId,
    string ConversationId,
    string ServiceUrl,
    string ChannelId,
    string TenantId,
    string BotId,
    string? ConversationType,
    string? TeamId,
    DateTimeOffset UpdatedAt);
