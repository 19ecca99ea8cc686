using System.Text.Json;
using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Teams.Activities;
using CustomerPulseBot.Teams.Auth;
using CustomerPulseBot.Teams.Connector;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Teams;

// POST /api/messages: every activity Teams sends. The body is read once and capped, parsed, authenticated
// (the endorsement and serviceurl checks need the body), then dispatched inside the one last-chance handler.
internal static class TeamsEndpoint
{
    // Activities are small; a message action's payload with a long message is the largest we expect.
    public const int MaxBodyBytes = 256 * 1024;

    // A host without the Bot Framework's keys asks to be tried again soon: the fetch they wait on takes seconds.
    private const string RetryKeysAfterSeconds = "10";

    public static async Task<IResult> MessagesAsync(
        HttpContext http,
        BotAuthenticator authenticator,
        TeamsDispatcher dispatcher,
        TeamsMessages messages,
        BotConnectorClient connector,
        ReplyDeadline deadline,
        ILogger<TeamsDispatcher> logger)
    {
        var ct = http.RequestAborted;
        if (await RequestBody.ReadAsync(http.Request.Body, http.Request.ContentLength, MaxBodyBytes, ct) is not { } body)
        {
            logger.LogWarning("Refused a Teams activity: the body is over {MaxBytes} bytes", MaxBodyBytes);
            return Results.Problem(RequestBody.TooLarge(MaxBodyBytes), statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (Parse(body) is not { } activity)
        {
            logger.LogWarning("Refused a Teams activity: the body is not an activity with a type, a serviceUrl and, for one we act on, its conversation and tenant");
            return Results.BadRequest();
        }

        switch (await authenticator.AuthenticateAsync(http.Request.Headers.Authorization.ToString(), activity, ct))
        {
            case AuthOutcome.Unauthenticated:
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            case AuthOutcome.Forbidden:
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            case AuthOutcome.Unavailable:
                http.Response.Headers.RetryAfter = RetryKeysAfterSeconds;
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        // Whether the person got an answer (or an apology); a message that got neither is given back for its retry.
        var answered = false;
        try
        {
            // A person waits for the answer to a message or an invoke: it is ready within the reply deadline whatever the
            // database does. Installs wait for nobody. A reply goes through the Connector after, on its own timeout.
            var reply = activity.Type is Activity.Message or Activity.Invoke
                ? await deadline.RunAsync(token => dispatcher.DispatchAsync(activity, token), ct)
                : await dispatcher.DispatchAsync(activity, ct);
            if (reply.Reply is { } message)
            {
                await connector.ReplyAsync(activity, message, ct);
            }

            answered = true;
            return reply.ToResult();
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            var correlation = http.TraceIdentifier;
            logger.LogError(e, "Teams {ActivityType} {InvokeName} failed; correlation {CorrelationId}", activity.Type, activity.Name, correlation);
            var apology = await ApologiseAsync(activity, ErrorView.For(e, OriginalText(activity), correlation), connector, logger, ct);
            answered = apology.Status < StatusCodes.Status500InternalServerError;
            return apology.ToResult();
        }
        finally
        {
            if (!answered && activity.Type == Activity.Message)
            {
                await messages.ForgetAsync(activity);
            }
        }
    }

    // An invoke carries the apology in its answer; a message gets it as a reply; anything else is retried by Teams.
    private static async Task<TeamsReply> ApologiseAsync(Activity activity, ErrorView apology, BotConnectorClient connector, ILogger logger, CancellationToken ct)
    {
        switch (activity.Type, activity.Name)
        {
            case (Activity.Invoke, TeamsIds.AdaptiveCardAction):
                return TeamsReply.Invoke(TeamsCards.CardResponse(apology));
            case (Activity.Invoke, TeamsIds.FetchTask or TeamsIds.SubmitAction):
                return TeamsReply.Invoke(TeamsCards.Dialog("Something went wrong", apology));
            case (Activity.Message, _):
                try
                {
                    await connector.ReplyAsync(activity, TeamsCards.Message(apology), ct);
                    return TeamsReply.Ack;
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    logger.LogError(e, "The apology for {CorrelationId} could not be sent", apology.CorrelationId);
                    return new TeamsReply(StatusCodes.Status500InternalServerError);
                }

            default:
                return new TeamsReply(StatusCodes.Status500InternalServerError);
        }
    }

    // What the person typed, so the apology can give it back: a message's text, or the quote on a capture card.
    private static string OriginalText(Activity activity)
    {
        if (activity.Type == Activity.Message && !string.IsNullOrEmpty(activity.Text))
        {
            return Mentions.TextWithoutBot(activity);
        }

        // An Action.Execute carries the inputs in value.action.data, a dialog submit in value.data, an Action.Submit in value.
        var value = CaptureInputs.Of(activity.Value);
        var inputs = value.TryGetValue("action", out var action) && action.ValueKind == JsonValueKind.Object ? CaptureInputs.Of(CaptureInputs.Of(action).GetValueOrDefault("data"))
            : value.TryGetValue("data", out var data) && data.ValueKind == JsonValueKind.Object ? CaptureInputs.Of(data)
            : value;
        return CaptureInputs.Text(inputs, CaptureField.Quote) ?? "";
    }

    // The activities we act on: each is answered, stored or replied to in its conversation, in its tenant's workspace.
    // Teams always names both (teams-bot-framework.md, section 1); without them there is nothing to act on.
    private static bool NeedsItsPlace(Activity activity) =>
        activity.Type is Activity.Message or Activity.Invoke or Activity.ConversationUpdate or Activity.InstallationUpdate;

    private static Activity? Parse(byte[] body)
    {
        try
        {
            var activity = JsonSerializer.Deserialize<Activity>(body, TeamsJson.Options);
            return activity is { Type.Length: > 0, ServiceUrl.Length: > 0 } && (!NeedsItsPlace(activity) || activity is { Conversation.Id.Length: > 0, TenantId.Length: > 0 })
                ? activity
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
