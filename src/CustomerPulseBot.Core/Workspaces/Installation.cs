namespace CustomerPulseBot.Core.Workspaces;

/// <summary>
/// A chat app installed in one workspace (a Slack team, or an Enterprise Grid org when org-wide): what is
/// needed to act there later. <paramref name="ProtectedToken"/> is already encrypted by the adapter; the
/// store keeps it as an opaque string.
/// </summary>
public sealed record Installation(
    Platform Platform,
    string ExternalId,
    string? EnterpriseId,
    bool IsEnterpriseInstall,
    string ProtectedToken,
    string? BotUserId,
    string? Scopes,
    string? InstalledBy,
    DateTimeOffset InstalledAt);
