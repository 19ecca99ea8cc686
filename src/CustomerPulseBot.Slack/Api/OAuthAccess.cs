namespace CustomerPulseBot.Slack.Api;

/// <summary>What oauth.v2.access grants: one bot token for a team, or for an Enterprise Grid org when org-wide.</summary>
internal sealed record OAuthAccess(
    string AccessToken,
    string TeamId,
    string? TeamName,
    string? EnterpriseId,
    bool IsEnterpriseInstall,
    string? BotUserId,
    string? Scope,
    string? InstallerUserId);
