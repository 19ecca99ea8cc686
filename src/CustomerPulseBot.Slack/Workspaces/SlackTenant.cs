using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Slack.Workspaces;

/// <summary>A Slack team we serve: its workspace and the bot token that belongs to it and to no other.</summary>
internal sealed record SlackTenant(Workspace Workspace, string BotToken)
{
    public ChatContext Context(string userId, string? userName, string channelId, string? permalink = null) =>
        new(Workspace, new ChatUser(userId, userName ?? userId), channelId, Zone(), permalink);

    private TimeZoneInfo Zone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(Workspace.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
