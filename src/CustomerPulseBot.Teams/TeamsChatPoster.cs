using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Teams;

/// <summary>Digests, briefs and ship notices into Teams, proactively: a new post in a channel, or the person's 1:1 chat.</summary>
internal sealed class TeamsChatPoster(ProactiveMessages proactive) : IChatPoster
{
    public Platform Platform => Platform.Teams;

    public async Task<PostResult> PostAsync(WorkspaceId workspace, ChatDestination destination, View view, DeliveryTag tag, CancellationToken ct) =>
        await (destination.Direct
            ? proactive.SendDirectAsync(workspace, destination.Id, view, ct)
            : proactive.SendAsync(workspace, destination.Id, view, ct))
            ? PostResult.Posted
            : PostResult.Gone;
}
