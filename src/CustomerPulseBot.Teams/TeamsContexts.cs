using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Teams.Activities;

namespace CustomerPulseBot.Teams;

// Who asked and where, from an activity: the tenant is the workspace, the person is known by the Entra object id
// (Teams user ids differ per bot), and the conversation is the channel. A permalink from card data is kept only when
// it links to Teams (MessageLinks).
internal sealed class TeamsContexts(IPulseStore store)
{
    public async Task<ChatContext> ForAsync(Activity activity, CancellationToken ct, string? permalink = null)
    {
        var workspace = await WorkspaceAsync(activity, ct);
        var from = activity.From;
        var userId = from?.AadObjectId ?? from?.Id ?? "unknown";
        var user = new ChatUser(userId, from?.Name is { Length: > 0 } name ? name : userId);
        var team = activity.ChannelData?.Team?.Id is { Length: > 0 } teamId ? new ChatTeam(teamId, activity.ServiceUrl!) : null; // validated activities have a serviceUrl
        // Only a personal chat is seen by the person alone; a group chat or channel reply is read by everyone in it.
        return ChatContext.For(workspace, user, activity.Conversation?.Id ?? "", activity.LocalTimezone, MessageLinks.OnTeams(permalink)) with
        {
            Team = team,
            Private = activity.Conversation?.ConversationType == "personal",
        };
    }

    public Task<Workspace> WorkspaceAsync(Activity activity, CancellationToken ct)
    {
        var tenant = activity.TenantId ?? throw new InvalidOperationException("The activity names no tenant.");
        return store.ResolveWorkspaceAsync(Platform.Teams, tenant, tenant, ct);
    }
}
