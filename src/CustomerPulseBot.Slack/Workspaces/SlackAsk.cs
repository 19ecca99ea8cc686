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

    private readonly ConcurrentDictionary<(string Team, string User), (TimeZoneInfo? Zone, DateTimeOffset At)> zones = new();

    public async Task<View> HandleAsync(SlackTenant tenant, ChatContext context, string text, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), context.TimeZone).DateTime);
        var command = CommandParser.Parse(text, today);
        if (command is DigestCommand { Request: DigestScheduleRequest { TimeZone: null } }
            && await PersonZoneAsync(tenant, context.User.Id, ct) is { } zone)
        {
            context = context with { TimeZone = zone };
        }

        return await commands.ExecuteAsync(context, command, text, ct);
    }

    private async Task<TimeZoneInfo?> PersonZoneAsync(SlackTenant tenant, string userId, CancellationToken ct)
    {
        var key = (tenant.Workspace.ExternalId, userId);
        if (zones.TryGetValue(key, out var known) && clock.GetUtcNow() - known.At < Remember)
        {
            return known.Zone;
        }

        TimeZoneInfo? zone = null;
        try
        {
            var tz = (await slack.GetUserAsync(tenant.BotToken, userId, ct)).TimeZone;
            zone = tz is not null && TimeZoneInfo.TryFindSystemTimeZoneById(tz, out var found) ? found : null;
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
