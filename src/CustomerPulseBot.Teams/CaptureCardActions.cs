using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Teams.Activities;

namespace CustomerPulseBot.Teams;

// The capture card's Action.Execute (invoke adaptiveCard/action): stored and confirmed, or the form again with
// the errors and what was typed, in the same HTTP response, in place of the clicked card.
internal sealed class CaptureCardActions(TeamsContexts contexts, PulseCommands commands)
{
    public async Task<TeamsReply> ExecuteAsync(Activity activity, CancellationToken ct)
    {
        var action = CaptureInputs.Of(CaptureInputs.Of(activity.Value).GetValueOrDefault("action"));
        if (CaptureInputs.Text(action, "type") != "Action.Execute" || CaptureInputs.Text(action, "verb") != TeamsIds.CaptureSignal)
        {
            return TeamsReply.Invoke(TeamsCards.ErrorResponse("This card action is not one this bot knows."));
        }

        var inputs = CaptureInputs.Of(action.GetValueOrDefault("data"));
        var context = await contexts.ForAsync(activity, ct, CaptureInputs.Text(inputs, TeamsIds.PermalinkKey));
        var view = await commands.SubmitCaptureAsync(context, CaptureInputs.DraftOf(inputs), ct);
        return TeamsReply.Invoke(TeamsCards.CardResponse(view));
    }
}
