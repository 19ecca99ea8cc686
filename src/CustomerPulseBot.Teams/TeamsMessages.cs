using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Teams.Activities;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Teams;

// A message to the bot in a personal chat, group chat or channel: the same Core commands and questions as
// Slack, answered with a card in the conversation (sent by TeamsEndpoint). A capture card's Action.Submit (clients without Universal
// Actions) also arrives as a message, with the card's inputs as its value.
internal sealed class TeamsMessages(
    TeamsContexts contexts, PulseCommands commands, CardVerbs verbs, RepeatedActivities repeats, ILogger<TeamsMessages> logger)
{
    public async Task<TeamsReply> HandleAsync(Activity activity, CancellationToken ct)
    {
        if (repeats.IsRepeat(activity))
        {
            logger.LogInformation("Teams sent message {ActivityId} again; it was handled already", activity.Id);
            return TeamsReply.Ack;
        }

        return TeamsReply.Message(TeamsCards.Message(await AnswerAsync(activity, ct)));
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

        return await commands.HandleTextAsync(await contexts.ForAsync(activity, ct), Mentions.TextWithoutBot(activity), ct);
    }
}
