using System.Text.Json;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Slack.BlockKit;
using CustomerPulseBot.Slack.Capture;
using CustomerPulseBot.Slack.Payloads;
using CustomerPulseBot.Slack.Signing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Slack;

/// <summary>The three request URLs Slack posts to; each body is verified by the filter before it is parsed here.</summary>
internal static class SlackEndpoints
{
    public static Task<IResult> CommandsAsync(HttpContext http, SlackDispatcher dispatcher, ILogger<SlackDispatcher> logger) =>
        HandleAsync(http, dispatcher, logger, body => SlashCommandPayload.FromForm(body.Form()));

    public static Task<IResult> InteractionsAsync(HttpContext http, SlackDispatcher dispatcher, ILogger<SlackDispatcher> logger) =>
        HandleAsync(http, dispatcher, logger, body => body.Form().TryGetValue("payload", out var payload)
            ? JsonSerializer.Deserialize<InteractionPayload>(payload.ToString(), SlackJson.Options)
            : null);

    public static Task<IResult> EventsAsync(HttpContext http, SlackDispatcher dispatcher, ILogger<SlackDispatcher> logger) =>
        HandleAsync(http, dispatcher, logger, body => JsonSerializer.Deserialize<EventEnvelope>(body.Bytes, SlackJson.Options));

    /// <summary>
    /// The one last-chance handler per request: a body that does not parse is a bare 400; a failure on our side
    /// is logged with a correlation id and, for a command, answered with an apology carrying the person's text.
    /// </summary>
    private static async Task<IResult> HandleAsync(
        HttpContext http, SlackDispatcher dispatcher, ILogger logger, Func<SlackRequestBody, SlackRequest?> parse)
    {
        var body = http.Features.GetRequiredFeature<SlackRequestBody>();
        SlackRequest? request;
        try
        {
            request = parse(body);
        }
        catch (JsonException)
        {
            request = null;
        }

        if (request is null)
        {
            logger.LogWarning("Refused a Slack request to {Path}: the payload does not parse", http.Request.Path);
            return Results.BadRequest();
        }

        try
        {
            var reply = await dispatcher.DispatchAsync(request, http.RequestAborted);
            return reply.ToResult();
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            var correlation = http.TraceIdentifier;
            logger.LogError(e, "Slack request to {Path} failed; correlation {CorrelationId}", http.Request.Path, correlation);
            return request switch
            {
                SlashCommandPayload command => SlackReply.Message(BlockKitRenderer.Render(ErrorView.For(e, command.Text, correlation))).ToResult(),
                // The capture modal stays open with everything typed in it, and the apology beside the quote.
                InteractionPayload { Type: "view_submission", View.CallbackId: SlackIds.CaptureModal } =>
                    new SlackReply(CaptureModal.Errors([new FieldError(CaptureField.Quote, ErrorView.Apology(e))])).ToResult(),
                _ => Results.StatusCode(StatusCodes.Status500InternalServerError),
            };
        }
    }
}
