using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Slack.Api;
using CustomerPulseBot.Slack.Background;
using CustomerPulseBot.Slack.BlockKit;
using CustomerPulseBot.Slack.Capture;
using CustomerPulseBot.Slack.Payloads;
using CustomerPulseBot.Slack.Workspaces;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Slack;

/// <summary>
/// The one last-chance error handler for Slack, whichever way the work came: a request over HTTP or over the Socket
/// Mode socket, or work a request left in the background queue. A failure is logged with a correlation id and, where a
/// person waits for the answer, answered with an apology that gives them their text back. Nothing thrown by the
/// work escapes from here, so one failure never stops the host.
/// </summary>
internal sealed class SlackLastChance(SlackApiClient slack, ILogger<SlackLastChance> logger)
{
    // Not "nothing was saved": queued work runs after the request that queued it, which may have stored a capture.
    private const string Apology = "Sorry, something went wrong on our side.";

    /// <summary>
    /// The acknowledgement <paramref name="handle"/> gives; when it fails, the apology for a command (its
    /// acknowledgement is where the person reads the answer) and null for anything else. The caller giving up
    /// (<paramref name="ct"/>) is not a failure and is passed on.
    /// </summary>
    public async Task<SlackReply?> AnswerAsync(
        SlackRequest request, string correlation, Func<CancellationToken, Task<SlackReply>> handle, CancellationToken ct)
    {
        try
        {
            return await handle(ct);
        }
        catch (UnreadableTokenException e) when (!ct.IsCancellationRequested)
        {
            return await ReinstallAsync(request, e.Message, correlation, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogError(e, "Slack {Request} failed; correlation {CorrelationId}", SlackDispatcher.Describe(request), correlation);
            return request switch
            {
                SlashCommandPayload command => SlackReply.Message(BlockKitRenderer.Render(ErrorView.For(e, command.Typed, correlation))),
                // The capture modal stays open with everything typed in it, and the apology beside the quote.
                InteractionPayload { Type: "view_submission", View.CallbackId: SlackIds.CaptureModal } =>
                    new SlackReply(CaptureModal.Errors([new FieldError(CaptureField.Quote, ErrorView.Apology(e))])),
                _ => null,
            };
        }
    }

    /// <summary>
    /// Not a bug (the warning is logged where the token was read), and never a 500: the person is told that an admin must
    /// install the app again, where they look for an answer. An event has nobody waiting, and no token to answer with.
    /// </summary>
    private async Task<SlackReply> ReinstallAsync(SlackRequest request, string reply, string correlation, CancellationToken ct)
    {
        switch (request)
        {
            case SlashCommandPayload command:
                return SlackReply.Message(BlockKitRenderer.Render(new ErrorView(reply, command.Text, correlation)));
            case InteractionPayload { Type: "view_submission", View.CallbackId: SlackIds.CaptureModal }:
                return new SlackReply(CaptureModal.Errors([new FieldError(CaptureField.Quote, reply)]));
            case InteractionPayload { ResponseUrl: { } responseUrl }:
                // The acknowledgement waits for it, and there is no tenant to queue it for.
                using (var soon = CancellationTokenSource.CreateLinkedTokenSource(ct))
                {
                    soon.CancelAfter(ReplyDeadline.Work);
                    try
                    {
                        await RespondAsync(responseUrl, BlockKitRenderer.Render(new ErrorView(reply, "", correlation)), soon.Token);
                    }
                    catch (Exception e) when (!ct.IsCancellationRequested)
                    {
                        logger.LogError(e, "Could not tell the person to have the app installed again; correlation {CorrelationId}", correlation);
                    }
                }

                return SlackReply.Empty;
            default:
                return SlackReply.Empty;
        }
    }

    /// <summary>
    /// Runs queued <paramref name="work"/> through <paramref name="run"/>; a failure is logged and the person waiting
    /// for it, if any, gets the apology with their text. Work cut off by the shutdown timeout (<paramref name="ct"/>)
    /// is logged as such.
    /// </summary>
    public async Task RunAsync(SlackWork work, Func<CancellationToken, Task> run, CancellationToken ct)
    {
        try
        {
            await run(ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogError(e, "Slack work {Work} in workspace {WorkspaceId} failed; correlation {CorrelationId}",
                work.Name, work.Tenant.Workspace.Id, work.Correlation);
            await TellAsync(work, new ErrorView(Apology, work.Waiting?.Text ?? "", work.Correlation), ct);
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            logger.LogWarning("Slack work {Work} in workspace {WorkspaceId} was cut off by the shutdown timeout; correlation {CorrelationId}",
                work.Name, work.Tenant.Workspace.Id, work.Correlation);
        }
    }

    /// <summary>Shows <paramref name="view"/> to the person waiting for <paramref name="work"/>, where its answer was to go; never throws.</summary>
    public async Task TellAsync(SlackWork work, ErrorView view, CancellationToken ct)
    {
        if (work.Waiting is not { } person)
        {
            return;
        }

        var message = BlockKitRenderer.Render(view);
        try
        {
            if (person.ResponseUrl is { } responseUrl)
            {
                await RespondAsync(responseUrl, message, ct);
            }
            else if (person.Channel is { } channel)
            {
                await slack.PostMessageAsync(work.Tenant.BotToken, channel, message, person.ThreadTs, ct);
            }
        }
        catch (Exception e)
        {
            logger.LogError(e, "The person waiting for Slack work {Work} in workspace {WorkspaceId} could not be told; correlation {CorrelationId}",
                work.Name, work.Tenant.Workspace.Id, work.Correlation);
        }
    }

    /// <summary>A new message for the person alone at <paramref name="responseUrl"/>, which needs no token.</summary>
    private Task RespondAsync(string responseUrl, SlackMessage message, CancellationToken ct)
    {
        var body = message.ToJson();
        body["replace_original"] = false;
        return slack.RespondAsync(responseUrl, body, ct);
    }
}
