using System.Collections.Concurrent;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Slack.Api;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Slack.Workspaces;

/// <summary>
/// Runs what a person typed (slash command, mention, DM). A digest or brief scheduled without a time zone
/// takes the person's own, which only users.info knows: it is asked then, and remembered for a while,
/// so captures and questions never wait for it.
/// </summary>
internal sealed class SlackAsk(PulseCommands commands, SlackApiClient slack, TimeProvider clock, ILogger<SlackAsk> logger)
{
    private static readonly TimeSpan Remember = TimeSpan.FromHours(6);

    private readonly ConcurrentDictionary<(string Team, string User), (string? Zone, DateTimeOffset At)> zones = new();

    public async Task<View> HandleAsync(SlackTenant tenant, ChatContext context, string text, CancellationToken ct)
    {
        var command = commands.Parse(context, text);
        if (command is DigestCommand { Request: DigestScheduleRequest { TimeZone: null } })
        {
            context = context.InPersonZone(await PersonZoneAsync(tenant, context.User.Id, ct));
        }

        return await commands.ExecuteAsync(context, command, text, ct);
    }

    /// <summary>The person's zone as Slack's profile names it (an IANA id), or null when users.info did not tell.</summary>
    private async Task<string?> PersonZoneAsync(SlackTenant tenant, string userId, CancellationToken ct)
    {
        var key = (tenant.Workspace.ExternalId, userId);
        if (zones.TryGetValue(key, out var known) && clock.GetUtcNow() - known.At < Remember)
        {
            return known.Zone;
        }

        string? zone = null;
        try
        {
            zone = (await slack.GetUserAsync(tenant.BotToken, userId, ct)).TimeZone;
        }
        catch (SlackApiException e)
        {
            // Without users:read the workspace's zone stands in; the reply says which zone was taken.
            logger.LogWarning("users.info failed in {ExternalId} ({Error}); using the workspace's time zone", tenant.Workspace.ExternalId, e.Error);
        }

        zones[key] = (zone, clock.GetUtcNow());
        return zone;
    }
}
