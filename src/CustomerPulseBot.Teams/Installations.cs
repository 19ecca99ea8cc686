using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Teams.Activities;
using CustomerPulseBot.Teams.Connector;

namespace CustomerPulseBot.Teams;

// The bot being added to or removed from a personal chat, group chat or team.
internal sealed class Installations(BotConnectorClient connector)
{
    public static readonly NoticeView Welcome = new(
        "Customer Pulse is here",
        "Send me what a customer said to keep it as a signal, e.g. “Exports time out every Monday” customer:Acme #export-timeouts. " +
        "Ask “what are this week's top pain points?” for a ranked answer with the quotes behind it, or say “help” for everything I understand.");

    public async Task<TeamsReply> ConversationUpdateAsync(Activity activity, CancellationToken ct)
    {
        if (IncludesBot(activity.MembersAdded, activity))
        {
            await connector.SendAsync(activity.ServiceUrl!, activity.Conversation?.Id ?? "", TeamsCards.Message(Welcome), ct); // validated activities have one
        }

        return TeamsReply.Ack;
    }

    public Task<TeamsReply> InstallationUpdateAsync(Activity activity, CancellationToken ct) => Task.FromResult(TeamsReply.Ack);

    private static bool IncludesBot(IReadOnlyList<ChannelAccount>? members, Activity activity) =>
        members?.Any(m => m.Id is not null && m.Id == activity.Recipient?.Id) == true;
}
