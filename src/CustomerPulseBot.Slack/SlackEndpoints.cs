using System.Text.Json;
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
    /// A body that does not parse, or that the dispatcher does not accept, is a bare 400; a failure on our side goes through the dispatcher's last-chance
    /// handler (logged with a correlation id; for a command, an apology carrying the person's text), else a 500.
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

        if (!dispatcher.Accepts(request))
        {
            return Results.BadRequest();
        }

        var reply = await dispatcher.AnswerAsync(request, http.TraceIdentifier, http.RequestAborted);
        return reply?.ToResult() ?? Results.StatusCode(StatusCodes.Status500InternalServerError);
    }
}
