using System.Text.Json;
using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Teams;

namespace CustomerPulseBot.Web.Playground;

/// <summary>
/// The page's three requests. Each names its workspace and person by display name, takes the same Core
/// path as Slack and Teams, and answers with the Adaptive Card that Teams would show.
/// </summary>
internal sealed class PlaygroundApi(
    IPulseStore store, PulseCommands commands, CardVerbs verbs, DemoData demo, ReplyDeadline deadline, ILogger<PlaygroundApi> logger)
{
    /// <summary>
    /// Set on an answer that refused the person's words (nothing was stored or run, as typed): the page keeps the
    /// text in the composer to fix and send again.
    /// </summary>
    public const string OutcomeHeader = "Pulse-Outcome";

    public const int MaxNameLength = 80;

    /// <summary>The page sends a line or a card's inputs, as Teams does: Teams' cap holds them with room to spare.</summary>
    public const int MaxBodyBytes = TeamsEndpoint.MaxBodyBytes;

    private const string Channel = "playground";

    /// <summary>
    /// Reads the page's JSON under the cap every endpoint has, then answers it; a body over the cap is the same 413 as
    /// Slack's and Teams', and one that is not the page's JSON a 400, both as problems the page shows.
    /// </summary>
    public async Task<IResult> ReceiveAsync<T>(HttpContext http, Func<T, Task<IResult>> answer) where T : class
    {
        var body = await RequestBody.ReadAsync(http.Request.Body, http.Request.ContentLength, MaxBodyBytes, http.RequestAborted);
        if (body is null)
        {
            logger.LogWarning("Refused a playground request to {Path}: body over {Limit} bytes", http.Request.Path, MaxBodyBytes);
            return Results.Problem(RequestBody.TooLarge(MaxBodyBytes), statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        T? payload;
        try
        {
            payload = JsonSerializer.Deserialize<T>(body, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            payload = null;
        }

        return payload is null
            ? Results.Problem("The body is not the JSON this page sends.", statusCode: StatusCodes.Status400BadRequest)
            : await answer(payload);
    }

    public Task<IResult> MessageAsync(MessagePayload payload, HttpContext http, CancellationToken ct)
    {
        var text = payload.Text ?? "";
        return AnswerAsync(http, payload.Workspace, payload.User, text, (context, token) => commands.HandleTextAsync(context, text, token), chat: true, ct);
    }

    /// <summary>
    /// A card action, routed by the verb its data carries as Teams routes Action.Execute: the capture form (also when
    /// the data names no verb), save as a quote, undo, edit, all quotes. An action that is refused runs nothing.
    /// </summary>
    public Task<IResult> CaptureAsync(CapturePayload payload, HttpContext http, CancellationToken ct)
    {
        var inputs = payload.Inputs ?? [];
        var verb = CaptureInputs.Text(inputs, TeamsIds.ActionKey) ?? TeamsIds.CaptureSignal;
        var typed = CaptureInputs.Text(inputs, TeamsIds.TextKey) ?? CaptureInputs.DraftOf(inputs).Quote;
        return AnswerAsync(http, payload.Workspace, payload.User, typed, async (context, token) =>
            await verbs.RunAsync(context, verb, inputs, token) ?? CardVerbs.NothingDone, chat: true, ct);
    }

    /// <summary>Thirty quotes stored one by one are no chat answer: they take the time they take.</summary>
    public Task<IResult> DemoAsync(DemoPayload payload, HttpContext http, CancellationToken ct) =>
        AnswerAsync(http, payload.Workspace, payload.User, "", (context, token) => demo.LoadAsync(context.Workspace, token), chat: false, ct);

    /// <summary>
    /// The one place a playground request can fail: the reply is a card with the person's text and an id to quote.
    /// A <paramref name="chat"/> answer comes within the reply deadline, as it does in Slack and Teams.
    /// </summary>
    private async Task<IResult> AnswerAsync(
        HttpContext http, string? workspaceName, string? userName, string originalText,
        Func<ChatContext, CancellationToken, Task<View>> run, bool chat, CancellationToken ct)
    {
        if ((NameProblem(workspaceName, "workspace name") ?? NameProblem(userName, "user name")) is { } problem)
        {
            return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            var name = workspaceName!.Trim(); // NameProblem refused null and blank names
            var user = userName!.Trim();
            async Task<View> ViewAsync(CancellationToken token)
            {
                var workspace = await store.ResolveWorkspaceAsync(Platform.Playground, name, name, token);
                // The playground page is the person's own screen.
                var context = ChatContext.For(workspace, new ChatUser(user, user), Channel) with { Private = true };
                return await run(context, token);
            }

            var view = chat ? await deadline.RunAsync(ViewAsync, ct) : await ViewAsync(ct);
            if (view is CaptureRejectedView or NotUnderstoodView || view == CardVerbs.NothingDone)
            {
                http.Response.Headers[OutcomeHeader] = "refused";
            }

            return Card(view, StatusCodes.Status200OK);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogError(e, "Playground request {CorrelationId} failed", http.TraceIdentifier);
            return Card(ErrorView.For(e, originalText, http.TraceIdentifier), StatusCodes.Status500InternalServerError);
        }
    }

    private static IResult Card(View view, int status) =>
        Results.Content(AdaptiveCardRenderer.RenderJson(view), "application/json", statusCode: status);

    private static string? NameProblem(string? name, string what) => name?.Trim() switch
    {
        null or "" => $"The {what} is empty: type one at the top of the page.",
        { Length: > MaxNameLength } => $"The {what} is longer than {MaxNameLength} characters.",
        var n when n.Any(char.IsControl) => $"The {what} contains an invisible control character.",
        _ => null,
    };
}
