using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Slack.Api;
using CustomerPulseBot.Slack.BlockKit;
using CustomerPulseBot.Slack.Workspaces;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Slack.Posting;

/// <summary>
/// Posts digests, briefs and ship notices into Slack with the workspace's own bot token: into the channel, or
/// to a person as the app's direct message (chat.postMessage takes a user id as the channel).
/// </summary>
internal sealed class SlackChatPoster(
    IPulseStore store, SlackWorkspaces workspaces, SlackApiClient slack, SlackPostPacer pacer, ILogger<SlackChatPoster> logger)
    : IChatPoster
{
    public Platform Platform => Platform.Slack;

    public async Task<PostResult> PostAsync(WorkspaceId workspaceId, ChatDestination destination, View view, DeliveryTag tag, CancellationToken ct)
    {
        var workspace = await store.GetWorkspaceAsync(workspaceId, ct);
        var tenant = workspace is null ? null : await workspaces.ResolveAsync(workspace.ExternalId, null, workspace.Name, ct);
        if (tenant is null)
        {
            return PostResult.TokenRevoked; // uninstalled: nothing can be posted until the team installs the app again
        }

        using var permit = await pacer.AcquireAsync(workspace!.ExternalId, destination.Id, ct); // a tenant implies a workspace
        try
        {
            await slack.PostMessageAsync(tenant.BotToken, destination.Id, BlockKitRenderer.Render(view), null, ct);
            return PostResult.Posted;
        }
        catch (SlackApiException e) when (e.TokenIsDead)
        {
            await workspaces.ForgetDeadTokenAsync(tenant, e.Error, ct);
            return PostResult.TokenRevoked;
        }
        catch (SlackApiException e) when (e.Error is "channel_not_found" or "not_in_channel" or "is_archived" or "user_not_found")
        {
            logger.LogWarning("Slack refused a post to {Channel} in {ExternalId}: {Error}", destination.Id, workspace.ExternalId, e.Error);
            return PostResult.Gone;
        }
    }
}
