using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Slack.Api;
using CustomerPulseBot.Slack.Background;
using CustomerPulseBot.Slack.BlockKit;
using CustomerPulseBot.Slack.Capture;
using CustomerPulseBot.Slack.Payloads;
using CustomerPulseBot.Slack.Workspaces;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Slack.Commands;

/// <summary>
/// The buttons a view carries itself (BlockKitRenderer draws them): "Save it as a customer quote instead", Undo,
/// Edit, "All N quotes", and Erase and Cancel under "Erase N signals of X?". Each runs one Core command as the person who clicked, in the channel it was clicked
/// in; Core decides who may undo or edit. A store write happens before the acknowledgement; the answer goes
/// back through response_url.
/// </summary>
internal sealed class ViewButtons(
    SlackWorkspaces workspaces,
    PulseCommands commands,
    CaptureForm form,
    AnswerOffers offers,
    SlackApiClient slack,
    SlackBackgroundQueue queue,
    ILogger<ViewButtons> logger)
{
    /// <summary>The words were read as a question; the person says they were a quote. Stored exactly as a capture of them.</summary>
    public Task<SlackReply> SaveQuoteAsync(InteractionPayload click, ActionPayload action, CancellationToken ct) =>
        RunAsync(click, action, async (tenant, context, text) =>
        {
            var view = await commands.ExecuteAsync(context, CommandParser.Capture(text), text, ct);
            Respond(tenant, click, view, replace: view is CaptureConfirmedView);
        }, ct);

    /// <summary>Undo under a confirmation: the confirmation becomes "Removed"; a refusal comes as a message of its own.</summary>
    public Task<SlackReply> UndoAsync(InteractionPayload click, ActionPayload action, CancellationToken ct) =>
        RunAsync(click, action, async (tenant, context, id) =>
        {
            var view = await commands.ExecuteAsync(context, new DeleteSignalCommand(id, OwnOnly: true), "", ct);
            Respond(tenant, click, view, replace: view is SignalDeletedView);
        }, ct);

    /// <summary>Edit under a confirmation: the capture modal, prefilled, which saves in place (its metadata names the signal).</summary>
    public Task<SlackReply> EditAsync(InteractionPayload click, ActionPayload action, CancellationToken ct) =>
        RunAsync(click, action, async (tenant, context, id) =>
        {
            var view = await commands.ExecuteAsync(context, new EditSignalCommand(id), "", ct);
            if (view is CaptureFormView edit && click.TriggerId is { } trigger)
            {
                form.Show(tenant, trigger, edit, new CaptureOrigin(context.ChannelId), WaitingPerson.AtResponseUrl(click.ResponseUrl!)); // RunAsync refused clicks without one
                return;
            }

            Respond(tenant, click, view, replace: false);
        }, ct);

    /// <summary>
    /// "All N quotes": the value is a search command, run only if it still parses as one. A value that reads as anything
    /// else (a forged "theme ship x", "digest off", a capture) is refused and logged, and nothing runs.
    /// </summary>
    public Task<SlackReply> AllQuotesAsync(InteractionPayload click, ActionPayload action, CancellationToken ct) =>
        RunAsync(click, action, (tenant, context, text) =>
        {
            if (commands.Parse(context, text) is not SearchCommand search)
            {
                logger.LogWarning("Refused {Action} in workspace {WorkspaceId}: its value is not a search", action.ActionId, tenant.Workspace.Id);
                Respond(tenant, click, NotASearch, replace: false);
                return Task.CompletedTask;
            }

            var responseUrl = click.ResponseUrl!; // RunAsync refused clicks without one
            queue.Enqueue(action.ActionId, tenant, async token =>
            {
                var view = await commands.ExecuteAsync(context, search, text, token);
                var answer = BlockKitRenderer.Render(view, offers.For(view, context.ChannelId, context.User.Id, text)).ToJson();
                answer["replace_original"] = false;
                await slack.RespondAsync(responseUrl, answer, token);
            }, WaitingPerson.AtResponseUrl(responseUrl, text));
            return Task.CompletedTask;
        }, ct);

    /// <summary>Erase under the confirmation: Core checks the value was offered to this person here; the answer replaces the question.</summary>
    public Task<SlackReply> ForgetAsync(InteractionPayload click, ActionPayload action, CancellationToken ct) =>
        RunAsync(click, action, async (tenant, context, value) =>
        {
            var view = await commands.ConfirmForgetAsync(context, value, ct);
            Respond(tenant, click, view, replace: true);
        }, ct);

    /// <summary>Cancel under the confirmation: the question is replaced by "Nothing was erased".</summary>
    public Task<SlackReply> KeepAsync(InteractionPayload click, ActionPayload action, CancellationToken ct) =>
        RunAsync(click, action, (tenant, _, _) =>
        {
            Respond(tenant, click, PulseCommands.NothingErased, replace: true);
            return Task.CompletedTask;
        }, ct);

    private static readonly NoticeView NotASearch = new("Nothing was done", "That button did not carry a search, so nothing was run.");

    private async Task<SlackReply> RunAsync(
        InteractionPayload click, ActionPayload action, Func<SlackTenant, ChatContext, string, Task> run, CancellationToken ct)
    {
        var tenant = await workspaces.ResolveAsync(click.TeamId, click.Enterprise?.Id, click.Team?.Domain, ct);
        if (tenant is null || click.ChannelId is not { } channel || click.ResponseUrl is null || string.IsNullOrWhiteSpace(action.Value))
        {
            logger.LogWarning("Ignored {Action}: no workspace, channel, response_url or value", action.ActionId);
            return SlackReply.Empty;
        }

        await run(tenant, tenant.Context(click.User.Id, click.User.Name, channel) with { Private = click.Private }, action.Value);
        return SlackReply.Empty;
    }

    /// <summary>The answer for the person who clicked; <paramref name="replace"/> puts it in place of the message clicked.</summary>
    private void Respond(SlackTenant tenant, InteractionPayload click, View view, bool replace)
    {
        var responseUrl = click.ResponseUrl!; // RunAsync refused clicks without one
        var answer = BlockKitRenderer.Render(view, offers.For(view, click.ChannelId!, click.User.Id, "")).ToJson();
        answer["replace_original"] = replace;
        queue.Enqueue("response_url " + view.GetType().Name, tenant, token => slack.RespondAsync(responseUrl, answer, token), WaitingPerson.AtResponseUrl(responseUrl));
    }
}
