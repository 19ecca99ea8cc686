using System.Text.Json;
using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Views;

namespace CustomerPulseBot.Web.Api;

/// <summary>
/// Every refusal the API gives, as application/problem+json: a detail in words, and for fields an <c>errors</c> object
/// keyed by the field as the caller spells it (<c>quote</c>, or <c>[3].quote</c> in an array). No exception text, stack
/// trace or presented secret ever goes into one.
/// </summary>
internal static class ApiProblems
{
    public static IResult Problem(int status, string detail) => Results.Problem(detail, statusCode: status);

    public static IResult Fields(IReadOnlyDictionary<string, string[]> errors, string? detail = null) =>
        Results.ValidationProblem(
            errors.ToDictionary(),
            detail ?? (errors.Count == 1 ? "One field is not right; nothing was saved." : $"{errors.Count} fields are not right; nothing was saved."));

    public static IResult Field(string field, string message) =>
        Fields(new Dictionary<string, string[]> { [field] = [message] }, message);

    public static IResult TooLarge(int maxBytes) => Problem(StatusCodes.Status413PayloadTooLarge, RequestBody.TooLarge(maxBytes));

    /// <summary>How long a caller is asked to wait when the database did not answer.</summary>
    public const int RetryAfterSeconds = 10;

    /// <summary>
    /// A request that failed on our side, answered as chat apologises for it (<see cref="ErrorView.Apology"/>, which alone
    /// says whether anything was saved): the database's failure is 503 with Retry-After, for the caller to send it again
    /// (with its Idempotency-Key, nothing is stored twice); anything else is 500. Both carry the id to quote.
    /// </summary>
    public static IResult Failed(HttpContext http, Exception failure)
    {
        var apology = ErrorView.Apology(failure);
        if (apology == ErrorView.WentWrong)
        {
            return Problem(StatusCodes.Status500InternalServerError, $"Something went wrong on our side. Quote {http.TraceIdentifier} if you report it.");
        }

        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problem(StatusCodes.Status503ServiceUnavailable, $"{apology} Quote {http.TraceIdentifier} if it goes on.");
    }

    public static IResult NotFound(string what) => Problem(StatusCodes.Status404NotFound, $"There is no {what} in this key's workspace.");

    /// <summary>
    /// A body that is not JSON, or JSON of the wrong shape, said where: the line and position, and the field when there is
    /// one (a number where the quote's text should be names <c>quote</c>).
    /// </summary>
    public static IResult Malformed(JsonException e, string prefix = "")
    {
        var field = FieldOf(e.Path, prefix);
        var where = e.LineNumber is { } line ? $" at line {line + 1}, position {e.BytePositionInLine + 1}" : "";
        var detail = $"The body is not the JSON this endpoint takes{where}{(field.Length > 0 ? $" ({field})" : "")}: {Reason(e)}";
        return Fields(new Dictionary<string, string[]> { [field.Length > 0 ? field : "body"] = [detail] }, detail);
    }

    /// <summary>Field errors from Core's validators, keyed as the API spells the fields.</summary>
    public static Dictionary<string, string[]> Keyed(IEnumerable<(string Field, string Message)> errors) =>
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());

    /// <summary>A capture field as the API's JSON names it: the evidence link is <c>link</c>, the said date <c>saidAt</c>.</summary>
    public static string ApiName(string captureField) => captureField switch
    {
        CaptureField.EvidenceUrl => "link",
        CaptureField.SaidOn => "saidAt",
        _ => captureField,
    };

    /// <summary>"$[3].quote" → "[3].quote"; "$.quote" → "quote"; a prefix for an element read on its own.</summary>
    private static string FieldOf(string? path, string prefix)
    {
        var inner = (path ?? "$") switch
        {
            "$" => "",
            ['$', '.', .. var rest] => rest,
            ['$', .. var rest] => rest,
            var other => other,
        };
        return prefix.Length == 0 ? inner : inner.Length == 0 ? prefix : inner.StartsWith('[') ? prefix + inner : $"{prefix}.{inner}";
    }

    /// <summary>The reader's own words, which hold no value from the body, without the position and path said above.</summary>
    private static string Reason(JsonException e) =>
        e.Message.Split([" Path: ", " LineNumber: "], 2, StringSplitOptions.None)[0].TrimEnd();
}
