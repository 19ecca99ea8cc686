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
/// to a person as the app's direct message (chat.postMessage takes a user id as the channel). Each post carries
/// <see cref="DeliveryMetadata"/>; when an earlier attempt may have posted it, the channel's history is read first.
/// </summary>
internal sealed class SlackChatPoster(
    IPulseStore store, SlackWorkspaces workspaces, SlackApiClient slack, SlackPostPacer pacer, ILogger<SlackChatPoster> logger)
    : IChatPoster
{
    /// <summary>Pages of history read for an earlier post: it came after its occurrence, so it is among the newest.</summary>
    private const int LookupPages = 2;

    /// <summary>Slack's clock and ours may differ a little; history is read from this much before the occurrence.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    public Platform Platform => Platform.Slack;

    public async Task<PostResult> PostAsync(WorkspaceId workspaceId, ChatDestination destination, View view, DeliveryTag tag, CancellationToken ct)
    {
        var workspace = await store.GetWorkspaceAsync(workspaceId, ct);
        SlackTenant? tenant;
        try
        {
            tenant = workspace is null ? null : await workspaces.ResolveAsync(workspace.ExternalId, null, workspace.Name, ct);
        }
        catch (UnreadableTokenException)
        {
            return PostResult.TokenRevoked; // as good as revoked: only installing again gives a token to post with
        }

        if (tenant is null)
        {
            return PostResult.TokenRevoked; // uninstalled: nothing can be posted until the team installs the app again
        }

        var team = workspace!.ExternalId; // a tenant implies a workspace
        try
        {
            if (tag.MayHavePosted && await PostedBeforeAsync(tenant.BotToken, destination, tag, ct))
            {
                logger.LogInformation("Post {Key} for {Until} was found in {Channel}; not posted again", tag.Key, tag.Until, destination.Id);
                return PostResult.FoundPosted;
            }

            using var permit = await pacer.AcquireAsync(team, destination.Id, ct);
            await slack.PostDeliveryAsync(tenant.BotToken, destination.Id, BlockKitRenderer.Render(view), DeliveryMetadata.Of(tag), ct);
            return PostResult.Posted;
        }
        catch (SlackApiException e) when (e.TokenIsDead)
        {
            await workspaces.ForgetDeadTokenAsync(tenant, e.Error, ct);
            return PostResult.TokenRevoked;
        }
        catch (SlackApiException e) when (e.Error is "channel_not_found" or "not_in_channel" or "is_archived" or "user_not_found")
        {
            logger.LogWarning("Slack refused a post to {Channel} in {ExternalId}: {Error}", destination.Id, team, e.Error);
            return PostResult.Gone;
        }
    }

    /// <summary>
    /// Whether the destination's recent history holds a message whose metadata names this delivery. A direct
    /// message is read in the app's conversation with the person (conversations.open gives its id). Where Slack
    /// will not show the history (an install from before the history scopes; a public channel the app posts to
    /// without being a member), the answer is no, and the post goes out at the risk of a second copy.
    /// </summary>
    private async Task<bool> PostedBeforeAsync(string token, ChatDestination destination, DeliveryTag tag, CancellationToken ct)
    {
        try
        {
            var channel = destination.Direct ? await slack.OpenDirectAsync(token, destination.Id, ct) : destination.Id;
            string? cursor = null;
            for (var page = 0; page < LookupPages; page++)
            {
                var history = await slack.GetHistoryAsync(token, channel, tag.Until - ClockSkew, cursor, ct);
                if (history.Messages.Any(m => DeliveryMetadata.Names(m["metadata"], tag)))
                {
                    return true;
                }

                if ((cursor = history.NextCursor) is null)
                {
                    return false;
                }
            }

            logger.LogWarning("Post {Key} for {Until} not among the newest messages of {Channel}; posting it", tag.Key, tag.Until, destination.Id);
            return false;
        }
        catch (SlackApiException e) when (e.Error is "missing_scope" or "not_in_channel" or "channel_not_found" or "user_not_found")
        {
            logger.LogWarning(
                "Cannot read the history of {Channel} to look for post {Key} ({Error}); posting it, which may repeat it",
                destination.Id, tag.Key, e.Error);
            return false;
        }
    }
}
