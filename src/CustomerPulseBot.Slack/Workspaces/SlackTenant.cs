using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Slack.Workspaces;

/// <summary>A Slack team we serve: its workspace and the bot token that belongs to it and to no other.</summary>
internal sealed record SlackTenant(Workspace Workspace, string BotToken)
{
    // Slack's requests carry no time zone: the workspace's stands until users.info is asked (SlackAsk).
    public ChatContext Context(string userId, string? userName, string channelId, string? permalink = null) =>
        ChatContext.For(Workspace, new ChatUser(userId, userName ?? userId), channelId, personZone: null, permalink);
}
