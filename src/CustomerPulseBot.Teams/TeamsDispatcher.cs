using CustomerPulseBot.Teams.Activities;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Teams;

// Every activity we handle, in one switch on its type and, for invokes, its name. Unknown non-invoke types are
// acknowledged and ignored; unknown invokes get 501, as the Bot Framework SDK answers them.
internal sealed class TeamsDispatcher(
    TeamsMessages messages, CaptureCardActions cardActions, MessageExtension messageExtension, Installations installations,
    ILogger<TeamsDispatcher> logger)
{
    public Task<TeamsReply> DispatchAsync(Activity activity, CancellationToken ct) => (activity.Type, activity.Name) switch
    {
        (Activity.Message, _) => messages.HandleAsync(activity, ct),
        (Activity.ConversationUpdate, _) => installations.ConversationUpdateAsync(activity, ct),
        (Activity.InstallationUpdate, _) => installations.InstallationUpdateAsync(activity, ct),
        (Activity.Invoke, TeamsIds.AdaptiveCardAction) => cardActions.ExecuteAsync(activity, ct),
        (Activity.Invoke, TeamsIds.FetchTask) => messageExtension.FetchTaskAsync(activity, ct),
        (Activity.Invoke, TeamsIds.SubmitAction) => messageExtension.SubmitAsync(activity, ct),
        (Activity.Invoke, _) => Unmatched(activity, TeamsReply.NotImplemented),
        _ => Unmatched(activity, TeamsReply.Ack),
    };

    private Task<TeamsReply> Unmatched(Activity activity, TeamsReply reply)
    {
        logger.LogInformation("No handler for Teams {ActivityType} {InvokeName}; answered {Status}", activity.Type, activity.Name, reply.Status);
        return Task.FromResult(reply);
    }
}
