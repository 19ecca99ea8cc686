using CustomerPulseBot.Teams.Activities;

namespace CustomerPulseBot.Teams;

// Our cards' Action.Execute (invoke adaptiveCard/action), routed by verb: the answer card comes back in the same
// HTTP response and replaces the clicked card (a form with its errors, a confirmation, "Removed", all quotes).
internal sealed class CaptureCardActions(TeamsContexts contexts, CardVerbs verbs)
{
    public async Task<TeamsReply> ExecuteAsync(Activity activity, CancellationToken ct)
    {
        var action = CaptureInputs.Of(CaptureInputs.Of(activity.Value).GetValueOrDefault("action"));
        if (CaptureInputs.Text(action, "type") != "Action.Execute")
        {
            return TeamsReply.Invoke(TeamsCards.ErrorResponse("This card action is not one this bot knows."));
        }

        var inputs = CaptureInputs.Of(action.GetValueOrDefault("data"));
        var context = await contexts.ForAsync(activity, ct, CaptureInputs.Text(inputs, TeamsIds.PermalinkKey));
        return await verbs.RunAsync(context, CaptureInputs.Text(action, "verb"), inputs, ct) is { } view
            ? TeamsReply.Invoke(TeamsCards.CardResponse(view))
            : TeamsReply.Invoke(TeamsCards.ErrorResponse("This card action is not one this bot knows."));
    }
}
