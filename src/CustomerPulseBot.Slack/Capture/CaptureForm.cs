using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Slack.Api;
using CustomerPulseBot.Slack.Background;
using CustomerPulseBot.Slack.BlockKit;
using CustomerPulseBot.Slack.Commands;
using CustomerPulseBot.Slack.Payloads;
using CustomerPulseBot.Slack.Workspaces;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Slack.Capture;

/// <summary>The capture modal: opened by <c>/pulse</c> alone or by "Save as customer signal", submitted back here.</summary>
internal sealed class CaptureForm(
    SlackWorkspaces workspaces,
    PulseCommands commands,
    AnswerOffers offers,
    SlackApiClient slack,
    SlackBackgroundQueue queue,
    ILogger<CaptureForm> logger)
{
    /// <summary>
    /// views.open goes to the queue: the trigger lasts about 3 s, and the acknowledgement must not wait for Slack.
    /// <paramref name="waiting"/> hears about it if the form cannot be opened.
    /// </summary>
    public void Open(SlackTenant tenant, ChatContext context, string triggerId, CaptureDraft? draft, CaptureOrigin origin, WaitingPerson? waiting) =>
        queue.Enqueue("views.open capture", tenant, async ct =>
        {
            var form = (CaptureFormView)await commands.ExecuteAsync(context, new OpenCaptureFormCommand(), "", ct);
            form = form with { Draft = draft ?? form.Draft, SourcePermalink = origin.Permalink };
            await slack.OpenViewAsync(tenant.BotToken, triggerId, CaptureModal.Render(form, origin), ct);
        }, waiting);

    /// <summary>A form Core prepared (Edit: prefilled with the signal), opened with the click's trigger.</summary>
    public void Show(SlackTenant tenant, string triggerId, CaptureFormView form, CaptureOrigin origin, WaitingPerson? waiting) =>
        queue.Enqueue("views.open edit", tenant, ct => slack.OpenViewAsync(tenant.BotToken, triggerId, CaptureModal.Render(form, origin), ct), waiting);

    /// <summary>The message shortcut: the modal comes prefilled with the message's text, author and permalink.</summary>
    public async Task<SlackReply> OpenFromMessageAsync(InteractionPayload shortcut, CancellationToken ct)
    {
        var tenant = await workspaces.ResolveAsync(shortcut.TeamId, shortcut.Enterprise?.Id, shortcut.Team?.Domain, ct);
        var channel = shortcut.ChannelId;
        if (tenant is null || channel is null || shortcut.TriggerId is null)
        {
            return SlackReply.Empty;
        }

        var context = tenant.Context(shortcut.User.Id, shortcut.User.Name, channel);
        var message = shortcut.Message;
        var ts = shortcut.MessageTs ?? message?.Ts;
        var triggerId = shortcut.TriggerId;
        var waiting = shortcut.ResponseUrl is { } responseUrl ? WaitingPerson.AtResponseUrl(responseUrl, SlackText.Unescape(message?.Text ?? "")) : null;
        queue.Enqueue("views.open shortcut", tenant, async ct =>
        {
            var permalink = ts is null ? null : await slack.GetPermalinkAsync(tenant.BotToken, channel, ts, ct);
            var author = message?.User is null ? null : (await slack.GetUserAsync(tenant.BotToken, message.User, ct)).Name;
            var form = (CaptureFormView)await commands.ExecuteAsync(context, new OpenCaptureFormCommand(), "", ct);
            form = form with { Draft = new CaptureDraft(SlackText.Unescape(message?.Text ?? "")), SourcePermalink = permalink };
            await slack.OpenViewAsync(tenant.BotToken, triggerId, CaptureModal.Render(form, new CaptureOrigin(channel, permalink, author)), ct);
        }, waiting);
        return SlackReply.Empty;
    }

    /// <summary>
    /// Validated and stored inside the 3-second answer, so a refusal keeps the modal open with errors beside
    /// their inputs (nothing typed is lost) and an empty 200 closes it only once the signal is saved.
    /// </summary>
    public async Task<SlackReply> SubmitAsync(InteractionPayload submission, CancellationToken ct)
    {
        var tenant = await workspaces.ResolveAsync(submission.TeamId, submission.Enterprise?.Id, submission.Team?.Domain, ct);
        var origin = CaptureOrigin.FromMetadata(submission.View?.PrivateMetadata);
        if (tenant is null || origin is null || submission.View is null)
        {
            return SlackReply.Empty;
        }

        var context = tenant.Context(submission.User.Id, submission.User.Name, origin.ChannelId, origin.Permalink);
        var view = await commands.SubmitCaptureAsync(context, CaptureModal.Read(submission.View.State), origin.Editing, ct);
        if (view is CaptureFormView { Errors.Count: > 0 } refused)
        {
            return new SlackReply(CaptureModal.Errors(refused.Errors));
        }

        var confirmation = BlockKitRenderer.Render(view, offers.For(view, origin.ChannelId, submission.User.Id, ""));
        queue.Enqueue("chat.postEphemeral capture", tenant, async ct =>
        {
            try
            {
                await slack.PostEphemeralAsync(tenant.BotToken, origin.ChannelId, submission.User.Id, confirmation, ct);
            }
            catch (SlackApiException e) when (e.Error is "channel_not_found" or "not_in_channel" or "user_not_in_channel")
            {
                // The signal is saved; only the confirmation cannot be shown where the form was opened.
                logger.LogInformation("Capture confirmation not shown in {Channel}: {Error}", origin.ChannelId, e.Error);
            }
        });
        return SlackReply.Empty;
    }
}
