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
    AnswerOffers offers,
    SlackApiClient slack,
    SlackBackgroundQueue queue,
    ILogger<AnswerButtons> logger)
{
    public Task<SlackReply> ShareAsync(InteractionPayload click, ActionPayload action, CancellationToken ct) =>
        RespondAsync(click, action, async (tenant, button, token) =>
        {
            var signal = button.Signal is { } id ? await store.GetSignalAsync(tenant.Workspace.Id, id, token) : null;
            return signal is null
                ? Refused(NotHere)
                : Shown(new SlackMessage(
                    $"Customer signal shared: {signal.Quote}",
                    [Block.Section($"<@{click.User.Id}> shared a customer signal:"), .. BlockKitRenderer.Quote(signal)]));
        }, ct);

    /// <summary>The words are read again and run only when they ask a question: an answer reads and changes nothing.</summary>
    public Task<SlackReply> PostAsync(InteractionPayload click, ActionPayload action, CancellationToken ct) =>
        RespondAsync(click, action, async (tenant, button, token) =>
        {
            var context = tenant.Context(click.User.Id, click.User.Name, button.Channel);
            var text = button.Text ?? "";
            var command = commands.Parse(context, text);
            if (!AnswerButton.Posts(command))
            {
                logger.LogWarning("Refused {Action} in workspace {WorkspaceId}: its words read as {Command}, not a question",
                    action.ActionId, tenant.Workspace.Id, command.GetType().Name);
                return Refused(NotAnAnswer);
            }

            var view = await commands.ExecuteAsync(context, command, text, token);
            // The channel sees the answer; the offer to save the words as a quote is for the person who asked.
            return Shown(BlockKitRenderer.Render(view is QuestionView question ? question.Answer : view));
        }, ct);

    /// <summary>
    /// The button must carry a value this app sealed, and be clicked by the person it was offered to, in the channel
    /// it was offered in, in a workspace that has the bot; anything it names is then looked up inside that workspace
    /// only. A refusal is told to the person who clicked, ephemerally, and nothing is posted.
    /// </summary>
    private async Task<SlackReply> RespondAsync(
        InteractionPayload click,
        ActionPayload action,
        Func<SlackTenant, AnswerButton, CancellationToken, Task<Outcome>> compose,
        CancellationToken ct)
    {
        var tenant = await workspaces.ResolveAsync(click.TeamId, click.Enterprise?.Id, click.Team?.Domain, ct);
        if (tenant is null || click.ResponseUrl is not { } responseUrl)
        {
            return SlackReply.Empty;
        }

        var button = offers.Read(action.Value);
        if (button is null || button.Channel != click.ChannelId || button.User != click.User.Id)
        {
            var (refusal, reason) = button is null ? (NotOurs, "not a value this app sealed")
                : button.Channel != click.ChannelId ? (NotHere, $"offered in channel {button.Channel}")
                : (NotYours, $"offered to {button.User}");
            logger.LogWarning("Refused {Action} in workspace {WorkspaceId} by {User} in {Channel}: {Reason}",
                action.ActionId, tenant.Workspace.Id, click.User.Id, click.ChannelId, reason);
            queue.Enqueue(action.ActionId + " refusal", tenant, token => TellAsync(responseUrl, refusal, token));
            return SlackReply.Empty;
        }

        queue.Enqueue(action.ActionId, tenant, async token =>
        {
            var (message, inChannel) = await compose(tenant, button, token);
            if (!inChannel)
            {
                await TellAsync(responseUrl, message, token);
                return;
            }

            var shown = message.ToJson(inChannel: true);
            shown["replace_original"] = false;
            await slack.RespondAsync(responseUrl, shown, token);
            await slack.RespondAsync(responseUrl, new JsonObject { ["delete_original"] = true }, token);
        }, WaitingPerson.AtResponseUrl(responseUrl, button.Text ?? ""));
        return SlackReply.Empty;
    }

    /// <summary>Only the person who clicked sees it, under the message they clicked, which stays.</summary>
    private Task TellAsync(string responseUrl, SlackMessage message, CancellationToken ct)
    {
        var body = message.ToJson();
        body["replace_original"] = false;
        return slack.RespondAsync(responseUrl, body, ct);
    }

    /// <summary>What a click comes to: a message for the channel, or a refusal for the person who clicked.</summary>
    private sealed record Outcome(SlackMessage Message, bool InChannel);

    private static Outcome Shown(SlackMessage message) => new(message, InChannel: true);

    private static Outcome Refused(SlackMessage refusal) => new(refusal, InChannel: false);

    private static SlackMessage Refusal(string text) => new(text, [Block.Section(text)]);

    private static readonly SlackMessage NotHere = Refusal(
        "That can only be shared in the channel where it was asked, and only within this workspace. Nothing was posted.");

    private static readonly SlackMessage NotYours = Refusal(
        "That button was offered to the person who asked. Ask yourself (`/pulse top this week`, say) to post an answer of your own. Nothing was posted.");

    private static readonly SlackMessage NotOurs = Refusal("That button was not one this app made, so nothing was run. Nothing was posted.");

    private static readonly SlackMessage NotAnAnswer = Refusal(
        "Post to channel only posts the answer to a question (top, trends, search and the like); that button carried something else, so nothing was run. Nothing was posted.");
}
