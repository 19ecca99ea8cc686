using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Slack.Api;
using CustomerPulseBot.Slack.Background;
using CustomerPulseBot.Slack.BlockKit;
using CustomerPulseBot.Slack.Payloads;
using CustomerPulseBot.Slack.Workspaces;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Slack.Commands;

/// <summary>
/// The buttons themes by meaning add (BlockKitRenderer draws them): Add, New theme, Remove, Merge, Keep both under a
/// capture, and Create theme beside a discovered theme. Core reads each value and decides who may act; the store
/// write happens before the acknowledgement, and the answer goes back through response_url, in place of a capture's
/// confirmation, beside a list of themes.
/// </summary>
internal sealed class MeaningButtons(
    SlackWorkspaces workspaces,
    PulseCommands commands,
    SlackApiClient slack,
    SlackBackgroundQueue queue,
    ILogger<MeaningButtons> logger)
{
    public Task<SlackReply> RunAsync(InteractionPayload click, ActionPayload action, ThemeAction kind, CancellationToken ct) =>
        RunAsync(click, action, kind, typed: null, ct);

    /// <summary>New theme: the name comes from the text box beside the button, in the click's state.</summary>
    public Task<SlackReply> NewThemeAsync(InteractionPayload click, ActionPayload action, CancellationToken ct)
    {
        var typed = click.State?.Values.GetValueOrDefault(SlackIds.NewThemeBlock)?.GetValueOrDefault(SlackIds.NewThemeInput)?.Value;
        return RunAsync(click, action, ThemeAction.NewTheme, typed, ct);
    }

    private async Task<SlackReply> RunAsync(InteractionPayload click, ActionPayload action, ThemeAction kind, string? typed, CancellationToken ct)
    {
        var tenant = await workspaces.ResolveAsync(click.TeamId, click.Enterprise?.Id, click.Team?.Domain, ct);
        if (tenant is null || click.ChannelId is not { } channel || click.ResponseUrl is not { } responseUrl)
        {
            logger.LogWarning("Ignored {Action}: no workspace, channel or response_url", action.ActionId);
            return SlackReply.Empty;
        }

        var context = tenant.Context(click.User.Id, click.User.Name, channel) with { Private = click.Private };
        var view = await commands.RunThemeActionAsync(context, kind, action.Value, typed, ct);
        var answer = BlockKitRenderer.Render(view).ToJson();
        // A capture's confirmation is replaced by what it now says (after Merge, that it was merged); a list of new
        // themes stays, for its other themes.
        answer["replace_original"] = view is CaptureConfirmedView || kind == ThemeAction.Merge;
        queue.Enqueue("response_url " + view.GetType().Name, tenant, token => slack.RespondAsync(responseUrl, answer, token), WaitingPerson.AtResponseUrl(responseUrl));
        return SlackReply.Empty;
    }
}
