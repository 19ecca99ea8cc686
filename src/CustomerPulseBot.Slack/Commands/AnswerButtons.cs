using System.Text.Json.Nodes;
using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Slack.Api;
using CustomerPulseBot.Slack.Background;
using CustomerPulseBot.Slack.BlockKit;
using CustomerPulseBot.Slack.Payloads;
using CustomerPulseBot.Slack.Workspaces;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Slack.Commands;

/// <summary>"Share in channel" and "Post to channel": an ephemeral answer made visible to the channel it was asked in.</summary>
internal sealed class AnswerButtons(
    SlackWorkspaces workspaces,
    PulseCommands commands,
    IPulseStore store,
    SlackApiClient slack,
    SlackBackgroundQueue queue,
    ILogger<AnswerButtons> logger)
{
    public Task<SlackReply> ShareAsync(InteractionPayload click, ActionPayload action, CancellationToken ct) =>
        RespondAsync(click, action, async (tenant, button, token) =>
        {
            var signal = button.Signal is { } id ? await store.GetSignalAsync(tenant.Workspace.Id, id, token) : null;
            return signal is null
                ? null
                : new SlackMessage(
                    $"Customer signal shared: {signal.Quote}",
                    [Block.Section($"<@{click.User.Id}> shared a customer signal:"), .. BlockKitRenderer.Quote(signal)]);
        }, ct);

    public Task<SlackReply> PostAsync(InteractionPayload click, ActionPayload action, CancellationToken ct) =>
        RespondAsync(click, action, async (tenant, button, token) =>
        {
            var context = tenant.Context(click.User.Id, click.User.Name, button.Channel);
            var view = await commands.HandleTextAsync(context, button.Text ?? "", token);
            // The channel sees the answer; the offer to save the words as a quote is for the person who asked.
            return BlockKitRenderer.Render(view is QuestionView question ? question.Answer : view);
        }, ct);

    /// <summary>
    /// The button must be clicked in the channel it was offered in, by a member of the workspace that offered
    /// it; anything it names is then looked up inside that workspace only.
    /// </summary>
    private async Task<SlackReply> RespondAsync(
        InteractionPayload click,
        ActionPayload action,
        Func<SlackTenant, AnswerButton, CancellationToken, Task<SlackMessage?>> compose,
        CancellationToken ct)
    {
        var button = AnswerButton.Read(action.Value);
        var tenant = await workspaces.ResolveAsync(click.TeamId, click.Enterprise?.Id, click.Team?.Domain, ct);
        if (tenant is null || button is null || click.ResponseUrl is null)
        {
            return SlackReply.Empty;
        }

        if (button.Channel != click.ChannelId)
        {
            logger.LogWarning("Refused {Action} in workspace {WorkspaceId}: button for channel {Named} clicked in {Channel}",
                action.ActionId, tenant.Workspace.Id, button.Channel, click.ChannelId);
            return Refusal;
        }

        var responseUrl = click.ResponseUrl;
        queue.Enqueue(action.ActionId, tenant, async token =>
        {
            var message = await compose(tenant, button, token);
            if (message is null)
            {
                await slack.RespondAsync(responseUrl, Refusal.Body!, token);
                return;
            }

            var shown = message.ToJson(inChannel: true);
            shown["replace_original"] = false;
            await slack.RespondAsync(responseUrl, shown, token);
            await slack.RespondAsync(responseUrl, new JsonObject { ["delete_original"] = true }, token);
        }, WaitingPerson.AtResponseUrl(responseUrl, button.Text ?? ""));
        return SlackReply.Empty;
    }

    private static readonly SlackReply Refusal = SlackReply.Message(new SlackMessage(
        "That can only be shared where it was asked, in this workspace.",
        [Block.Section("That can only be shared in the channel where it was asked, and only within this workspace. Nothing was posted.")]));
}
