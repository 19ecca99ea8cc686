using System.Text.RegularExpressions;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Slack.Api;
using CustomerPulseBot.Slack.Background;
using CustomerPulseBot.Slack.BlockKit;
using CustomerPulseBot.Slack.Payloads;
using CustomerPulseBot.Slack.Workspaces;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Slack.Events;

/// <summary>
/// Events API callbacks: acknowledged at once and handled from the queue (reference section 4), repeats
/// dropped by event id. Mentions and direct messages take the same Core path as <c>/pulse</c>.
/// </summary>
internal sealed partial class SlackEvents(
    SlackWorkspaces workspaces,
    PulseCommands commands,
    SlackApiClient slack,
    AppHome home,
    EventDeduplicator deduplicator,
    SlackBackgroundQueue queue,
    ILogger<SlackEvents> logger)
{
    public const string AppMention = "app_mention";
    public const string Message = "message";
    public const string AppHomeOpened = "app_home_opened";
    public const string AppUninstalled = "app_uninstalled";
    public const string TokensRevoked = "tokens_revoked";

    public async Task<SlackReply> AcceptAsync(EventEnvelope envelope, CancellationToken ct)
    {
        if (envelope.Event is not { } e || envelope.EventId is null || !deduplicator.FirstTime(envelope.EventId))
        {
            return SlackReply.Empty;
        }

        var tenant = await workspaces.ResolveAsync(envelope.TeamId ?? "", envelope.EnterpriseId, null, ct);
        if (tenant is null)
        {
            return SlackReply.Empty;
        }

        logger.LogInformation("Slack event {EventId} ({EventType}) in workspace {WorkspaceId}", envelope.EventId, e.Type, tenant.Workspace.Id);
        switch (e)
        {
            case { Type: AppMention } or { Type: Message, ChannelType: "im", Subtype: null, BotId: null }
                when e is { User: not null, Channel: not null, Ts: not null }:
                queue.Enqueue(e.Type, ct => AnswerAsync(tenant, e, ct));
                break;
            case { Type: AppHomeOpened, Tab: "home", User: not null }:
                queue.Enqueue(e.Type, ct => home.PublishAsync(tenant, e.User, ct));
                break;
        }

        return SlackReply.Empty;
    }

    /// <summary>Answers in the thread of the message that asked, or starts one under it.</summary>
    private async Task AnswerAsync(SlackTenant tenant, SlackEvent e, CancellationToken ct)
    {
        var question = SlackText.Unescape(LeadingMention().Replace(e.Text ?? "", "")).Trim();
        var context = tenant.Context(e.User!, null, e.Channel!); // matched with a user and channel in AcceptAsync
        var view = await commands.HandleTextAsync(context, question, ct);
        await slack.PostMessageAsync(tenant.BotToken, e.Channel!, BlockKitRenderer.Render(view), e.ThreadTs ?? e.Ts, ct);
    }

    /// <summary>"&lt;@U0BOT&gt; what's rising?": the bot's own mention is not part of the question.</summary>
    [GeneratedRegex(@"^\s*(<@[A-Z0-9]+(\|[^>]*)?>\s*)+")]
    private static partial Regex LeadingMention();
}
