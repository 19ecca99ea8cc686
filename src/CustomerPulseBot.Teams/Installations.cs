using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Teams.Activities;
using CustomerPulseBot.Teams.Connector;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Teams;

// The bot being added to or removed from a personal chat, group chat or team: the conversation reference is kept
// for proactive posts while the bot is there and dropped when it leaves; the welcome goes out once, on the
// conversationUpdate that adds the bot (Teams sends an installationUpdate for the same install too).
internal sealed class Installations(
    TeamsContexts contexts,
    IConversationReferences references,
    IAdminStore admins,
    BotConnectorClient connector,
    TimeProvider clock,
    ILogger<Installations> logger)
{
    public static readonly NoticeView Welcome = new(
        "Customer Pulse is here",
        "Send me what a customer said to keep it as a signal, e.g. “Exports time out every Monday” customer:Acme #export-timeouts. " +
        "Ask “what are this week's top pain points?” for a ranked answer with the quotes behind it, or say “help” for everything I understand.");

    public async Task<TeamsReply> ConversationUpdateAsync(Activity activity, CancellationToken ct)
    {
        if (IncludesBot(activity.MembersAdded, activity))
        {
            await SaveAsync(activity, ct);
            await connector.SendAsync(activity.ServiceUrl!, activity.Conversation?.Id ?? "", TeamsCards.Message(Welcome), ct); // validated activities have one
        }
        else if (IncludesBot(activity.MembersRemoved, activity))
        {
            await RemoveAsync(activity, ct);
        }

        return TeamsReply.Ack;
    }

    public async Task<TeamsReply> InstallationUpdateAsync(Activity activity, CancellationToken ct)
    {
        switch (activity.Action)
        {
            case "add" or "add-upgrade":
                await SaveAsync(activity, ct);
                await RecordInstallerAsync(activity, ct);
                break;
            case "remove":
                await RemoveAsync(activity, ct);
                break;
        }

        return TeamsReply.Ack;
    }

    private async Task SaveAsync(Activity activity, CancellationToken ct)
    {
        var workspace = await contexts.WorkspaceAsync(activity, ct);
        var conversation = activity.Conversation?.Id ?? throw new InvalidOperationException("The install names no conversation.");
        await references.SaveConversationAsync(new ConversationReference(
            workspace.Id,
            conversation,
            activity.ServiceUrl!, // validated activities have one
            activity.ChannelId ?? "msteams",
            workspace.ExternalId,
            activity.Recipient?.Id ?? "",
            activity.Conversation.ConversationType,
            activity.ChannelData?.Team?.Id,
            clock.GetUtcNow()), ct);
        logger.LogInformation("Teams app installed in conversation {ConversationId} of workspace {WorkspaceId}", conversation, workspace.Id);
    }

    /// <summary>
    /// The person who added the app is an admin of the workspace (the tenant): the first one we hear of, so a later install
    /// in someone's personal chat does not make them one.
    /// </summary>
    private async Task RecordInstallerAsync(Activity activity, CancellationToken ct)
    {
        if (activity.From is not { } from || (from.AadObjectId ?? from.Id) is not { Length: > 0 } id)
        {
            return;
        }

        var workspace = await contexts.WorkspaceAsync(activity, ct);
        await admins.RecordInstallerAsync(workspace.Id, new ChatUser(id, from.Name is { Length: > 0 } name ? name : id), clock.GetUtcNow(), ct);
    }

    private async Task RemoveAsync(Activity activity, CancellationToken ct)
    {
        var workspace = await contexts.WorkspaceAsync(activity, ct);
        var conversation = activity.Conversation?.Id ?? "";
        var removed = await references.RemoveConversationAsync(workspace.Id, conversation, ct);
        logger.LogInformation(
            "Teams app removed from conversation {ConversationId} of workspace {WorkspaceId} (reference found: {Found})", conversation, workspace.Id, removed);
    }

    private static bool IncludesBot(IReadOnlyList<ChannelAccount?>? members, Activity activity) =>
        members?.OfType<ChannelAccount>().Any(m => m.Id is not null && m.Id == activity.Recipient?.Id) == true;
}
