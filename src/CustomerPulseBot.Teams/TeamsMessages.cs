using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Teams.Activities;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Teams;

// A message to the bot in a personal chat, group chat or channel: the same Core commands and questions as
// Slack, answered with a card in the conversation (sent by TeamsEndpoint). A capture card's Action.Submit (clients without Universal
// Actions) also arrives as a message, with the card's inputs as its value.
internal sealed class TeamsMessages(
    TeamsContexts contexts,
    PulseCommands commands,
    CardVerbs verbs,
    TeamsAdmins admins,
    EventDeduplicator deduplicator,
    TimeProvider clock,
    ILogger<TeamsMessages> logger)
{
    public async Task<TeamsReply> HandleAsync(Activity activity, CancellationToken ct)
    {
        // Teams sends a message again, with the same id, when it did not see the answer in time
        // (teams-bot-framework.md, section 8); the retry may reach another host. Ids are unique within a conversation.
        // The id is claimed here, and given back by ForgetAsync when the message goes unanswered.
        if (activity.Id is { Length: > 0 } id
            && !await deduplicator.FirstTimeAsync(Platform.Teams, activity.Conversation?.Id ?? "", id, ct))
        {
            logger.LogInformation("Teams sent message {ActivityId} again; it was handled already", activity.Id);
            return TeamsReply.Ack;
        }

        return TeamsReply.Message(TeamsCards.Message(await AnswerAsync(activity, ct)));
    }

    // The message got neither its answer nor an apology, so Teams will send it again: that delivery is handled, not
    // dropped as a repeat. Called when the request is over, perhaps abandoned, so it has a short deadline of its own.
    public async Task ForgetAsync(Activity activity)
    {
        if (activity.Id is not { Length: > 0 } id)
        {
            return;
        }

        using var deadline = new CancellationTokenSource(ReplyDeadline.Work, clock);
        try
        {
            await deduplicator.ForgetAsync(Platform.Teams, activity.Conversation?.Id ?? "", id, deadline.Token);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Teams message {ActivityId} went unanswered and stays marked as handled: its retry will be dropped", id);
        }
    }

    private async Task<View> AnswerAsync(Activity activity, CancellationToken ct)
    {
        var inputs = CaptureInputs.Of(activity.Value);
        if (CaptureInputs.Text(inputs, TeamsIds.ActionKey) is { } verb)
        {
            var context = await contexts.ForAsync(activity, ct, CaptureInputs.Text(inputs, TeamsIds.PermalinkKey));
            return await verbs.RunAsync(context, verb, inputs, ct)
                ?? CardVerbs.NothingDone;
        }

        var asked = await contexts.ForAsync(activity, ct);
        var text = Mentions.TextWithoutBot(activity);
        var command = commands.Parse(asked, text);
        // Only admins add and remove need to know who else is mentioned; the roster is asked for nothing else.
        if (command is AddAdminCommand or RemoveAdminCommand)
        {
            asked = asked with { Mentioned = await admins.MentionedAsync(activity, ct) };
        }

        return await commands.ExecuteAsync(asked, command, text, ct);
    }
}
