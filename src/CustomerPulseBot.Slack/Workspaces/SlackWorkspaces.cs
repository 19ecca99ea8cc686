using System.Security.Cryptography;
using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerPulseBot.Slack.Workspaces;

/// <summary>
/// Turns the team id in a payload into the workspace and bot token for it: the configured token in
/// single-workspace mode, the installed one otherwise. A team we hold no token for is unknown: its
/// requests are refused and nothing is read or written for it. A team whose stored token cannot be decrypted is
/// told to install the app again (<see cref="UnreadableTokenException"/>).
/// </summary>
internal sealed class SlackWorkspaces(
    IPulseStore store,
    IInstallationStore installations,
    IDataProtectionProvider protection,
    IOptions<SlackOptions> options,
    ILogger<SlackWorkspaces> logger)
{
    private readonly IDataProtector tokens = protection.CreateProtector("CustomerPulseBot.Slack.BotToken");

    public async Task<SlackTenant?> ResolveAsync(string teamId, string? enterpriseId, string? teamName, CancellationToken ct)
    {
        var (externalId, token) = options.Value.MultiWorkspace
            ? await InstalledAsync(teamId, enterpriseId, ct)
            : (teamId, options.Value.TeamId == teamId ? options.Value.BotToken : null); // start-up requires the team id
        if (string.IsNullOrEmpty(teamId) || token is null)
        {
            logger.LogWarning("Refused Slack team {TeamId} (enterprise {EnterpriseId}): not installed", teamId, enterpriseId);
            return null;
        }

        var workspace = await store.ResolveWorkspaceAsync(Platform.Slack, externalId, teamName ?? externalId, ct);
        return new SlackTenant(workspace, token);
    }

    /// <summary>
    /// The workspace with its bot token, for work that starts from a workspace rather than a request; null when not
    /// installed or its token cannot be read (the request that got here was told so already).
    /// </summary>
    public async Task<SlackTenant?> TenantAsync(Workspace workspace, CancellationToken ct)
    {
        var token = options.Value.MultiWorkspace
            ? await installations.FindInstallationAsync(Platform.Slack, workspace.ExternalId, ct) is { } installation ? TryUnprotect(installation.ProtectedToken) : null
            : options.Value.BotToken;
        return token is null ? null : new SlackTenant(workspace, token);
    }

    /// <summary>The Slack user id of who installed the app in the workspace (OAuth only: a configured token names nobody).</summary>
    public async Task<string?> InstallerAsync(Workspace workspace, CancellationToken ct) =>
        options.Value.MultiWorkspace ? (await installations.FindInstallationAsync(Platform.Slack, workspace.ExternalId, ct))?.InstalledBy : null;

    /// <summary>Stores a new installation with its token encrypted (a re-install replaces it).</summary>
    public Task SaveAsync(Installation installation, string botToken, CancellationToken ct) =>
        installations.SaveInstallationAsync(installation with { ProtectedToken = tokens.Protect(botToken) }, ct);

    /// <summary>The app was uninstalled or its tokens revoked: forget the token (signals stay, unreachable until a re-install).</summary>
    public async Task RemoveAsync(string teamId, string? enterpriseId, CancellationToken ct)
    {
        var removed = await installations.RemoveInstallationAsync(Platform.Slack, teamId, ct)
            | (enterpriseId is not null && await installations.RemoveInstallationAsync(Platform.Slack, enterpriseId, ct));
        logger.LogInformation("Slack team {TeamId} uninstalled; installation removed: {Removed}", teamId, removed);
    }

    /// <summary>
    /// Slack refused the team's bot token for good (uninstalled without telling us, account deactivated, token
    /// revoked): the installation goes, so later requests are refused as "not installed" instead of calling
    /// Slack with the dead token again and again; installing again brings the team back. Only the token that
    /// failed is removed: a re-install since it was read has stored a good one. A configured single-workspace
    /// token cannot be removed, only reported.
    /// </summary>
    public async Task ForgetDeadTokenAsync(SlackTenant tenant, string error, CancellationToken ct)
    {
        var externalId = tenant.Workspace.ExternalId;
        if (!options.Value.MultiWorkspace)
        {
            logger.LogError("Slack refused the configured bot token for team {ExternalId} ({Error}); set a valid Slack:BotToken", externalId, error);
            return;
        }

        var installation = await installations.FindInstallationAsync(Platform.Slack, externalId, ct);
        var removed = installation is not null
            && TryUnprotect(installation.ProtectedToken) == tenant.BotToken
            && await installations.RemoveInstallationAsync(Platform.Slack, externalId, ct);
        logger.LogWarning("Slack refused the bot token of {ExternalId} ({Error}); installation removed: {Removed}", externalId, error, removed);
    }

    /// <summary>
    /// A team's own installation, else its Enterprise Grid org's org-wide one (reference section 8); the
    /// workspace is then the org, so every team of the org shares it.
    /// </summary>
    private async Task<(string ExternalId, string? Token)> InstalledAsync(string teamId, string? enterpriseId, CancellationToken ct)
    {
        var installation = await installations.FindInstallationAsync(Platform.Slack, teamId, ct);
        if (installation is null && enterpriseId is not null)
        {
            installation = await installations.FindInstallationAsync(Platform.Slack, enterpriseId, ct);
            if (installation is not { IsEnterpriseInstall: true })
            {
                installation = null;
            }
        }

        return installation is null ? (teamId, null) : (installation.ExternalId, TryUnprotect(installation.ProtectedToken) ?? throw Unreadable(installation));
    }

    private string? TryUnprotect(string protectedToken)
    {
        try
        {
            return tokens.Unprotect(protectedToken);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Logged here alone, naming the team and never the token; the person gets the reply.</summary>
    private UnreadableTokenException Unreadable(Installation installation)
    {
        logger.LogWarning(
            "The bot token stored for Slack {ExternalId} cannot be decrypted: the Data Protection key ring has changed since the install " +
            "(DataProtection:KeyRingKey, or keys lost); an admin must install the app again",
            installation.ExternalId);
        var where = options.Value.InstallUrl is { } url ? $": {url}" : " from its install page";
        return new UnreadableTokenException(
            "CustomerPulseBot can no longer read the Slack token stored for this workspace (the key that encrypts it has changed), " +
            $"so nothing was done. An admin must install the app again{where}");
    }
}
