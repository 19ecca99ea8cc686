using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerPulseBot.Slack.Workspaces;

/// <summary>
/// Turns the team id in a payload into the workspace and bot token for it. A team we have no token for is
/// unknown: its requests are refused and nothing is read or written for it.
/// </summary>
internal sealed class SlackWorkspaces(IPulseStore store, IOptions<SlackOptions> options, ILogger<SlackWorkspaces> logger)
{
    public async Task<SlackTenant?> ResolveAsync(string teamId, string? enterpriseId, string? teamName, CancellationToken ct)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(teamId) || settings.BotToken is null
            || (settings.TeamId is not null && settings.TeamId != teamId))
        {
            logger.LogWarning("Refused Slack team {TeamId} (enterprise {EnterpriseId}): not installed", teamId, enterpriseId);
            return null;
        }

        var workspace = await store.ResolveWorkspaceAsync(Platform.Slack, teamId, teamName ?? teamId, ct);
        return new SlackTenant(workspace, settings.BotToken);
    }
}
