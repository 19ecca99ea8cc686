using System.Net;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Teams.Activities;
using CustomerPulseBot.Teams.Connector;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Teams;

// Posts a view into a conversation the bot was installed in, from its stored reference: a new thread in a
// channel (create conversation, the documented way), the end of a personal or group chat otherwise
// (teams-bot-framework.md, section 3 "Proactive messages").
internal sealed class ProactiveMessages(IConversationReferences references, BotConnectorClient connector, ILogger<ProactiveMessages> logger)
{
    // False when the bot is not (or no longer) in that conversation; a 403 from Teams means it was removed or blocked.
    public async Task<bool> SendAsync(WorkspaceId workspace, string conversationId, View view, CancellationToken ct)
    {
        if (await references.FindConversationAsync(workspace, conversationId, ct) is not { } reference)
        {
            return false;
        }

        var message = TeamsCards.Message(view);
        try
        {
            if (reference.ConversationType == "channel")
            {
                var channel = new TeamsChannelData(Tenant: new NamedId(reference.TenantId), Channel: new NamedId(reference.ConversationId));
                await connector.CreateConversationAsync(
                    reference.ServiceUrl, new ConversationParameters(true, new ChannelAccount(reference.BotId), null, reference.TenantId, channel, message), ct);
            }
            else
            {
                await connector.SendAsync(reference.ServiceUrl, reference.ConversationId, message with { From = new ChannelAccount(reference.BotId), ChannelData = Tenant(reference) }, ct);
            }

            return true;
        }
        catch (BotConnectorException e) when (e.Status == HttpStatusCode.Forbidden)
        {
            logger.LogWarning("Teams refused a post to {ConversationId} ({Code}); dropping its reference", conversationId, e.Code);
            await references.RemoveConversationAsync(workspace, conversationId, ct);
            return false;
        }
    }

    // A direct message: open (or find again: Teams keeps one 1:1 chat per user and bot) the personal chat with
    // the person, then post into it. The service URL, tenant and bot id come from the workspace's freshest
    // reference. False when the app is not installed for them (403) or never was anywhere in the tenant.
    public async Task<bool> SendDirectAsync(WorkspaceId workspace, string userId, View view, CancellationToken ct)
    {
        if (await references.FindLatestConversationAsync(workspace, ct) is not { } reference)
        {
            return false;
        }

        try
        {
            var bot = new ChannelAccount(reference.BotId);
            var chat = await connector.CreateConversationAsync(
                reference.ServiceUrl,
                new ConversationParameters(false, bot, [new ChannelAccount(userId)], reference.TenantId, Tenant(reference), null),
                ct);
            await connector.SendAsync(reference.ServiceUrl, chat.Id, TeamsCards.Message(view) with { From = bot, ChannelData = Tenant(reference) }, ct);
            return true;
        }
        catch (BotConnectorException e) when (e.Status == HttpStatusCode.Forbidden)
        {
            logger.LogWarning("Teams refused a direct message to a user in {WorkspaceId} ({Code})", workspace, e.Code);
            return false;
        }
    }

    // Teams reads the tenant from channelData on proactive sends; the limiter paces each tenant by it too.
    private static TeamsChannelData Tenant(ConversationReference reference) => new(Tenant: new NamedId(reference.TenantId));
}
