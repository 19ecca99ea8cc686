using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Slack.Capture;
using CustomerPulseBot.Slack.Commands;
using CustomerPulseBot.Slack.Events;
using CustomerPulseBot.Slack.Payloads;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerPulseBot.Slack;

/// <summary>Every Slack request we handle, routed on Slack's own ids: search for an id and you land on its branch.</summary>
internal sealed class SlackDispatcher(
    SlashCommands commands,
    CaptureForm capture,
    AnswerButtons buttons,
    ViewButtons viewButtons,
    MeaningButtons meaningButtons,
    SlackEvents events,
    SlackLastChance lastChance,
    ReplyDeadline deadline,
    IOptions<SlackOptions> options,
    ILogger<SlackDispatcher> logger)
{
    /// <summary>
    /// Whether a parsed request may run at all, over HTTP (else a 400) or the socket alike: a response_url it carries
    /// must lead to Slack, since replies and apologies are posted there.
    /// </summary>
    public bool Accepts(SlackRequest request)
    {
        var responseUrl = request switch
        {
            SlashCommandPayload c => c.ResponseUrl,
            InteractionPayload i => i.ResponseUrl,
            _ => null,
        };
        if (responseUrl is null || options.Value.IsSlackResponseUrl(responseUrl))
        {
            return true;
        }

        logger.LogWarning("Refused Slack {Request}: its response_url does not lead to Slack", Describe(request));
        return false;
    }

    /// <summary>
    /// The acknowledgement for <paramref name="request"/>, whether it came over HTTP or the socket, through the one
    /// last-chance handler: null when handling failed and nobody reads an apology.
    /// </summary>
    public Task<SlackReply?> AnswerAsync(SlackRequest request, string correlation, CancellationToken ct) =>
        lastChance.AnswerAsync(request, correlation, token => DispatchAsync(request, token), ct);

    /// <summary>The acknowledgement, within the reply deadline whatever the database does (over HTTP or the socket alike).</summary>
    public Task<SlackReply> DispatchAsync(SlackRequest request, CancellationToken ct) =>
        deadline.RunAsync(token => RouteAsync(request, token), ct);

    private Task<SlackReply> RouteAsync(SlackRequest request, CancellationToken ct) => request switch
    {
        SlashCommandPayload { Command: SlackIds.Command } c => commands.PulseAsync(c, ct),
        InteractionPayload { Type: "message_action", CallbackId: SlackIds.SaveAsSignal } s => capture.OpenFromMessageAsync(s, ct),
        InteractionPayload { Type: "view_submission", View.CallbackId: SlackIds.CaptureModal } v => capture.SubmitAsync(v, ct),
        InteractionPayload { Type: "block_actions", Actions: [{ ActionId: SlackIds.ShareSignal } a] } b => buttons.ShareAsync(b, a, ct),
        InteractionPayload { Type: "block_actions", Actions: [{ ActionId: SlackIds.PostToChannel } a] } b => buttons.PostAsync(b, a, ct),
        InteractionPayload { Type: "block_actions", Actions: [{ ActionId: SlackIds.SaveQuote } a] } b => viewButtons.SaveQuoteAsync(b, a, ct),
        InteractionPayload { Type: "block_actions", Actions: [{ ActionId: SlackIds.UndoCapture } a] } b => viewButtons.UndoAsync(b, a, ct),
        InteractionPayload { Type: "block_actions", Actions: [{ ActionId: SlackIds.EditCapture } a] } b => viewButtons.EditAsync(b, a, ct),
        InteractionPayload { Type: "block_actions", Actions: [{ ActionId: SlackIds.AllQuotes } a] } b => viewButtons.AllQuotesAsync(b, a, ct),
        InteractionPayload { Type: "block_actions", Actions: [{ ActionId: SlackIds.ForgetCustomer } a] } b => viewButtons.ForgetAsync(b, a, ct),
        InteractionPayload { Type: "block_actions", Actions: [{ ActionId: SlackIds.KeepCustomer } a] } b => viewButtons.KeepAsync(b, a, ct),
        InteractionPayload { Type: "block_actions", Actions: [{ ActionId: SlackIds.AnotherTheme } a] } b => viewButtons.EditAsync(b, a, ct),
        InteractionPayload { Type: "block_actions", Actions: [{ ActionId: SlackIds.AddTheme } a] } b => meaningButtons.RunAsync(b, a, ThemeAction.Add, ct),
        InteractionPayload { Type: "block_actions", Actions: [{ ActionId: SlackIds.NewTheme } a] } b => meaningButtons.NewThemeAsync(b, a, ct),
        InteractionPayload { Type: "block_actions", Actions: [{ ActionId: SlackIds.RemoveTheme } a] } b => meaningButtons.RunAsync(b, a, ThemeAction.Remove, ct),
        InteractionPayload { Type: "block_actions", Actions: [{ ActionId: SlackIds.MergeDuplicate } a] } b => meaningButtons.RunAsync(b, a, ThemeAction.Merge, ct),
        InteractionPayload { Type: "block_actions", Actions: [{ ActionId: SlackIds.KeepBoth } a] } b => meaningButtons.RunAsync(b, a, ThemeAction.KeepBoth, ct),
        InteractionPayload { Type: "block_actions", Actions: [{ ActionId: SlackIds.CreateTheme } a] } b => meaningButtons.RunAsync(b, a, ThemeAction.Create, ct),
        EventEnvelope { Type: "url_verification", Challenge: { } challenge } => Task.FromResult(new SlackReply(new JsonObject { ["challenge"] = challenge })),
        EventEnvelope { Type: "event_callback" } e => events.AcceptAsync(e, ct),
        _ => Task.FromResult(Unhandled(request)),
    };

    /// <summary>Answered (Slack would show the person an error otherwise) and logged, so a missing route is noticed.</summary>
    private SlackReply Unhandled(SlackRequest request)
    {
        logger.LogWarning("No Slack handler for {Request}", Describe(request));
        return SlackReply.Empty;
    }

    /// <summary>What a request is, by Slack's ids only (never its text), for the logs.</summary>
    public static string Describe(SlackRequest request) => request switch
    {
        SlashCommandPayload c => $"command {c.Command}",
        InteractionPayload i => $"{i.Type} {i.CallbackId ?? i.View?.CallbackId ?? string.Join(",", i.Actions.Select(a => a.ActionId))}",
        EventEnvelope e => $"event {e.Type} {e.Event?.Type}",
        _ => request.GetType().Name,
    };
}
