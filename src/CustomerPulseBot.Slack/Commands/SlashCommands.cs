using CustomerPulseBot.Slack.Background;
using CustomerPulseBot.Slack.BlockKit;
using CustomerPulseBot.Slack.Capture;
using CustomerPulseBot.Slack.Payloads;
using CustomerPulseBot.Slack.Workspaces;

namespace CustomerPulseBot.Slack.Commands;

/// <summary>
/// <c>/pulse</c>: the words go through Core, and the view comes back as the acknowledgement, so a capture
/// is stored before Slack hears "ok". Answers are ephemeral, with a button to show them to the channel.
/// </summary>
internal sealed class SlashCommands(SlackWorkspaces workspaces, SlackAsk ask, CaptureForm capture, AnswerOffers offers)
{
    public async Task<SlackReply> PulseAsync(SlashCommandPayload command, CancellationToken ct)
    {
        var tenant = await workspaces.ResolveAsync(command.TeamId, command.EnterpriseId, command.TeamDomain, ct);
        if (tenant is null)
        {
            return NotInstalled;
        }

        // A slash command's answer is ephemeral: the person who typed it alone sees it, wherever they typed it.
        var context = tenant.Context(command.UserId, command.UserName, command.ChannelId) with { Private = true };
        var text = command.Typed;
        if (string.IsNullOrWhiteSpace(text) && command.TriggerId is not null)
        {
            var waiting = command.ResponseUrl is { } responseUrl ? WaitingPerson.AtResponseUrl(responseUrl) : null;
            capture.Open(tenant, context, command.TriggerId, draft: null, origin: new CaptureOrigin(command.ChannelId), waiting);
            return SlackReply.Empty;
        }

        var view = await ask.HandleAsync(tenant, context, text, ct);
        return SlackReply.Message(BlockKitRenderer.Render(view, offers.For(view, command.ChannelId, command.UserId, text)));
    }

    public static readonly SlackReply NotInstalled = SlackReply.Message(new SlackMessage(
        "CustomerPulseBot is not installed in this workspace.",
        [Block.Section("CustomerPulseBot is not installed in this workspace, so nothing was saved. Ask an admin to install it.")]));
}
