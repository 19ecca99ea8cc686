using System.Globalization;
using System.Text.Json;
using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Exchange;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.AspNetCore.Mvc;

namespace CustomerPulseBot.Web.Api;

/// <summary>
/// /api/v1/signals: add (one or a batch, through Core's <see cref="SignalIntake"/> alone: the capture validator, masking,
/// one transaction, theme suggestion), list in stable pages, read and delete one.
/// </summary>
internal static class SignalsApi
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxIdempotencyKeyLength = 200;
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    public const int MaxCapturedByLength = 100;

    public static RouteGroupBuilder MapSignals(this RouteGroupBuilder api)
    {
        api.MapPost("/signals", AddAsync)
            .RequireWriteScope()
            .Accepts<SignalInput>("application/json")
            .Produces<SignalOutput>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("AddSignals")
            .WithSummary("Add one signal, or an array of up to 1,000 (all or none)");
        api.MapGet("/signals", ListAsync)
            .Produces<SignalPageOutput>()
            .ProducesValidationProblem()
            .WithName("ListSignals")
            .WithSummary("List signals, newest first, a page at a time");
        api.MapGet("/signals/{id}", GetAsync)
            .Produces<SignalOutput>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetSignal")
            .WithSummary("One signal");
        api.MapDelete("/signals/{id}", DeleteAsync)
            .RequireWriteScope()
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("DeleteSignal")
            .WithSummary("Delete a signal: no answer, count or digest sees it again");
        return api;
    }

    private static async Task<IResult> AddAsync(
        ApiCaller caller, HttpContext http, SignalIntake intake, IIntakeStore store, ILoggerFactory loggers, CancellationToken ct)
    {
        var (body, refusal) = await ApiBody.ReadAsync(http, loggers.CreateLogger(typeof(SignalsApi)));
        if (body is null)
        {
            return refusal!; // ReadAsync gives one or the other
        }

        var key = http.Request.Headers[IdempotencyHeader].ToString();
        if (http.Request.Headers.ContainsKey(IdempotencyHeader) && (key.Trim().Length == 0 || key.Length > MaxIdempotencyKeyLength))
        {
            return ApiProblems.Field(IdempotencyHeader, $"The {IdempotencyHeader} header must be 1 to {MaxIdempotencyKeyLength} characters.");
        }

        if (key.Length > 0 && await store.FindAnswerAsync(caller.Context.WorkspaceId, key, ct) is { } earlier)
        {
            return Replay(earlier, body.Hash, http);
        }

        var (inputs, isArray, shapeRefusal) = body.Items<SignalInput>(SignalIntake.MaxBatch);
        if (inputs is null)
        {
            return shapeRefusal!; // Items gives one or the other
        }

        var errors = new List<(string Field, string Message)>();
        var rows = inputs.Select((input, i) => Row(input, caller.Context, FieldPrefix(isArray, i), errors)).ToList();
        var check = intake.Check(rows, caller.Context);
        errors.AddRange(check.Errors.Select(e => (FieldPrefix(isArray, e.Index) + ApiProblems.ApiName(e.Error.Field), e.Error.Message)));
        if (errors.Count > 0)
        {
            return ApiProblems.Fields(ApiProblems.Keyed(errors));
        }

        var valid = check.Valid;
        var request = key.Length > 0
            ? new IdempotentRequest(key, body.Hash, StatusCodes.Status201Created, Answer(valid, isArray))
            : null;
        var (outcome, stored) = await intake.StoreAsync(caller.Context, valid, request, ct);
        if (outcome.Earlier is { } first)
        {
            return Replay(first, body.Hash, http); // a duplicate sent at the same moment lost the race
        }

        if (!isArray)
        {
            http.Response.Headers.Location = $"{ApiSetup.Prefix}/signals/{valid[0].Id}";
        }

        // With a key, the answer is the one recorded, so a retry gets it byte for byte; a theme a confident suggestion
        // tagged afterwards shows in later reads.
        return Results.Content(request?.Body ?? Answer(stored, isArray), "application/json", statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListAsync(
        ApiCaller caller, IIntakeStore intake, CancellationToken ct,
        [FromQuery] string? since = null, [FromQuery] string? until = null, [FromQuery] string? theme = null,
        [FromQuery] string? customer = null, [FromQuery] string? segment = null, [FromQuery] string? q = null,
        [FromQuery] string? limit = null, [FromQuery] string? cursor = null)
    {
        var context = caller.Context;
        var errors = new List<(string, string)>();
        var from = Moment(since, "since", context.TimeZone, endOfDay: false, errors);
        var to = Moment(until, "until", context.TimeZone, endOfDay: true, errors);
        var size = DefaultLimit;
        if (limit is not null && !(int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) && size is >= 1 and <= MaxLimit))
        {
            errors.Add(("limit", $"limit must be a whole number from 1 to {MaxLimit}."));
        }

        var after = cursor is null ? null : SignalCursors.Read(cursor);
        if (cursor is not null && after is null)
        {
            errors.Add(("cursor", "cursor is not one this API gave: pass the next value of the page before, unchanged."));
        }

        var segmentWord = ApiQuery.Segment(segment, errors);
        var themeName = ApiQuery.Theme(theme, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Fields(ApiProblems.Keyed(errors));
        }

        var range = from is null && to is null
            ? null
            : new DateRange(from ?? Zones.StartOf(new DateOnly(PeriodParser.FirstYear, 1, 1), TimeZoneInfo.Utc),
                to ?? Zones.StartOf(new DateOnly(PeriodParser.LastYear, 12, 31), TimeZoneInfo.Utc));
        var filter = new SignalFilter(range, segmentWord, Theme: themeName, Customer: Blank(customer), Text: Blank(q));
        var page = await intake.ListSignalsAsync(context.WorkspaceId, filter, after, size, ct);
        return TypedResults.Ok(new SignalPageOutput(
            page.Items.Select(SignalOutput.From).ToList(), page.Next is { } next ? SignalCursors.Write(next) : null));
    }

    private static async Task<IResult> GetAsync(ApiCaller caller, string id, IPulseStore store, CancellationToken ct) =>
        Guid.TryParse(id, out var signalId) && await store.GetSignalAsync(caller.Context.WorkspaceId, signalId, ct) is { } signal
            ? TypedResults.Ok(SignalOutput.From(signal))
            : ApiProblems.NotFound($"signal {id}");

    private static async Task<IResult> DeleteAsync(ApiCaller caller, string id, IPulseStore store, TimeProvider clock, CancellationToken ct) =>
        Guid.TryParse(id, out var signalId)
        && await store.DeleteSignalAsync(caller.Context.WorkspaceId, signalId, caller.Context.User, clock.GetUtcNow(), ct)
            ? Results.NoContent()
            : ApiProblems.NotFound($"signal {id}");

    /// <summary>The same key again: the first answer, unless the body differs, which is a mistake to refuse (422).</summary>
    private static IResult Replay(StoredAnswer earlier, string hash, HttpContext http)
    {
        if (earlier.RequestHash != hash)
        {
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity,
                $"This {IdempotencyHeader} was used with another body; nothing was saved. Use a new key for a new request.");
        }

        http.Response.Headers[ReplayedHeader] = "true";
        return Results.Content(earlier.Body, "application/json", statusCode: earlier.Status);
    }

    private static string Answer(IReadOnlyList<Signal> signals, bool isArray) => isArray
        ? JsonSerializer.Serialize(new ItemList<SignalOutput>(signals.Select(SignalOutput.From).ToList()), ApiJson.Options)
        : JsonSerializer.Serialize(SignalOutput.From(signals[0]), ApiJson.Options);

    private static string FieldPrefix(bool isArray, int index) => isArray ? $"[{index}]." : "";

    /// <summary>An input as Core's draft; the API's own fields (saidAt's format, capturedBy) are checked here.</summary>
    private static IntakeRow Row(SignalInput input, ChatContext context, string prefix, List<(string, string)> errors)
    {
        string? saidOn = null;
        DateTimeOffset? saidAt = null;
        var said = input.SaidAt?.Trim();
        if (!string.IsNullOrEmpty(said))
        {
            if (DateOnly.TryParseExact(said, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                saidOn = said;
            }
            else if (DateTimeOffset.TryParse(said, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact) && said.Contains('T'))
            {
                saidAt = exact;
            }
            else
            {
                errors.Add((prefix + "saidAt", $"\"{FieldError.Excerpt(said)}\" is not an ISO 8601 date (2026-12-03) or date-time (2026-12-03T10:15:00Z)."));
            }
        }

        ChatUser? by = null;
        if (input.CapturedBy?.Trim() is { Length: > 0 } name)
        {
            if (name.Length > MaxCapturedByLength || name.Any(char.IsControl))
            {
                errors.Add((prefix + "capturedBy", $"capturedBy must be a person's name of at most {MaxCapturedByLength} characters, on one line."));
            }
            else
            {
                by = new ChatUser($"{ApiCaller.Channel}:{name}", name);
            }
        }

        var draft = new CaptureDraft(
            input.Quote ?? "", input.Customer, input.Segment, input.Source, input.Kind, input.Stage, input.Themes, input.Severity,
            input.Link, saidOn, saidAt);
        return new IntakeRow(draft, by);
    }

    /// <summary>An ISO 8601 date (a day in the workspace's zone; <c>until</c> includes that day) or date-time.</summary>
    private static DateTimeOffset? Moment(string? text, string field, TimeZoneInfo zone, bool endOfDay, List<(string, string)> errors)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && day.Year is >= PeriodParser.FirstYear and <= PeriodParser.LastYear)
        {
            return Zones.StartOf(endOfDay ? day.AddDays(1) : day, zone);
        }

        if (value.Contains('T') && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            && at.Year is >= PeriodParser.FirstYear and <= PeriodParser.LastYear)
        {
            return at.ToUniversalTime();
        }

        errors.Add((field, $"{field} must be an ISO 8601 date (2026-12-03) or date-time (2026-12-03T10:15:00Z) between {PeriodParser.FirstYear} and {PeriodParser.LastYear}."));
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

}
