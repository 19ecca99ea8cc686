using System.Text.RegularExpressions;
using CustomerPulseBot.Core.Workspaces;
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
    SlackAsk ask,
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

    /// <summary>The bot events the manifest subscribes to, by their manifest names (message.im is a "message" in an "im").</summary>
    public static readonly IReadOnlyList<string> Subscriptions = [AppMention, "message.im", AppHomeOpened, AppUninstalled, TokensRevoked];

    public async Task<SlackReply> AcceptAsync(EventEnvelope envelope, CancellationToken ct)
    {
        if (envelope.Event is not { } e || envelope.EventId is null || !await deduplicator.FirstTimeAsync(Platform.Slack, envelope.TeamId ?? "", envelope.EventId, ct))
        {
            return SlackReply.Empty;
        }

        // Before the token is read: an installation is removed even when its token can no longer be decrypted. Quick, and
        // the token must be gone before Slack hears that the event arrived.
        if (e is { Type: AppUninstalled or TokensRevoked } && envelope.TeamId is { Length: > 0 } team)
        {
            logger.LogInformation("Handling Slack event {EventId} ({EventType}) for team {TeamId}", envelope.EventId, e.Type, team);
            await workspaces.RemoveAsync(team, envelope.EnterpriseId, ct);
            return SlackReply.Empty;
        }

        var tenant = await workspaces.ResolveAsync(envelope.TeamId ?? "", envelope.EnterpriseId, null, ct);
        if (tenant is null)
        {
            return SlackReply.Empty;
        }

        (Func<CancellationToken, Task> Run, WaitingPerson? Waiting)? work = e switch
        {
            { Type: AppMention } or { Type: Message, ChannelType: "im", Subtype: null, BotId: null }
                when e is { User: not null, Channel: not null, Ts: not null }
                => (ct => AnswerAsync(tenant, e, ct), WaitingPerson.InThread(e.Channel, e.ThreadTs ?? e.Ts, Question(e))),
            { Type: AppHomeOpened, Tab: "home", User: { } user } => (ct => home.PublishAsync(tenant, user, ct), null),
            _ => null, // edits, bot posts (our own replies among them) and the Messages tab: nothing to answer
        };
        if (work is { } queued)
        {
            logger.LogInformation("Handling Slack event {EventId} ({EventType}) in workspace {WorkspaceId}", envelope.EventId, e.Type, tenant.Workspace.Id);
            queue.Enqueue(e.Type, tenant, queued.Run, queued.Waiting);
        }

        return SlackReply.Empty;
    }

    /// <summary>Answers in the thread of the message that asked, or starts one under it.</summary>
    private async Task AnswerAsync(SlackTenant tenant, SlackEvent e, CancellationToken ct)
    {
        var question = Question(e);
        // The reply goes into the conversation that asked: private in a direct message, seen by the channel after a mention.
        var context = tenant.Context(e.User!, null, e.Channel!) with { Private = e.ChannelType == "im" }; // matched with a user and channel in AcceptAsync
        var view = await ask.HandleAsync(tenant, context, question, ct);
        await slack.PostMessageAsync(tenant.BotToken, e.Channel!, BlockKitRenderer.Render(view), e.ThreadTs ?? e.Ts, ct);
    }

    /// <summary>"&lt;@U0BOT&gt; what's rising?": the bot's own mention is not part of the question.</summary>
    private static string Question(SlackEvent e) => SlackText.Unescape(LeadingMention().Replace(e.Text ?? "", "")).Trim();

    [GeneratedRegex(@"^\s*(<@[A-Z0-9]+(\|[^>]*)?>\s*)+")]
    private static partial Regex LeadingMention();
}
