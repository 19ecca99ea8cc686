using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Slack.Workspaces;

/// <summary>
/// Runs what a person typed (slash command, mention, DM). A digest or brief scheduled without a time zone
/// takes the person's own, which only users.info knows: it is asked then (see <see cref="SlackPeople"/>), so
/// captures and questions never wait for it. Without an answer (no users:read scope) the workspace's zone
/// stands in, and the reply says which zone was taken.
/// </summary>
internal sealed class SlackAsk(PulseCommands commands, SlackPeople people)
{
    public async Task<View> HandleAsync(SlackTenant tenant, ChatContext context, string text, CancellationToken ct)
    {
        var command = commands.Parse(context, text);
        if (command is DigestCommand { Request: DigestScheduleRequest { TimeZone: null } })
        {
            context = context.InPersonZone((await people.FindAsync(tenant, context.User.Id, ct))?.TimeZone);
        }

        return await commands.ExecuteAsync(context, command, text, ct);
    }
}
