using CustomerPulseBot.Core.Customers;
using CustomerPulseBot.Core.Exchange;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Web.Api.Csv;

/// <summary><c>POST /api/v1/imports</c> (a signals CSV in) and <c>GET /api/v1/signals.csv</c> (the same columns out).</summary>
internal static class CsvEndpoints
{
    /// <summary>About 50 MB: 100,000 rows of long quotes fit; the 1 MB JSON limit is for single requests, not files.</summary>
    public const int MaxImportBytes = 50 * 1024 * 1024;

    public const int MaxImportRows = 200_000;

    public const string CsvType = "text/csv";

    /// <summary>A CRM's whole customer list in one file, saved in one transaction.</summary>
    public const int MaxCustomerRows = 50_000;

    public const int MaxCustomerBytes = 10 * 1024 * 1024;

    /// <summary>What POST /customers says of its text/csv form (the JSON form's endpoint takes both).</summary>
    public static readonly string CustomersCsvDescription = $"""
        With Content-Type text/csv: a header row naming the columns, in any order: {string.Join(",", CustomerCsvReader.Columns)}.
        Only name is required; aliases are separated by ';'; arr is a plain number. Up to {MaxCustomerRows:N0} rows. Any bad
        row saves nothing and answers 422 with its errors by row (the line the record starts on, the header being row 1)
        and column; saved, the answer lists them under items, as for an array.
        """;

    public static RouteGroupBuilder MapCsv(this RouteGroupBuilder api)
    {
        api.MapPost("/imports", ImportAsync)
            .WithName("ImportSignals")
            .RequireWriteScope()
            .Accepts<string>(CsvType)
            .Produces<ImportAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Import signals from a CSV file")
            .WithDescription($"""
                A text/csv body with a header row naming its columns, in any order: {string.Join(",", SignalCsv.Columns)}. Only
                quote is required; themes are separated by ';'; said_at is an ISO 8601 date or UTC date-time; a leading ' before
                = + - @, a tab or a CR (as the export writes it) is dropped. Up to {MaxImportRows:N0} rows and {MaxImportBytes / 1024 / 1024} MB.
                Each row is checked as a capture is. ?dryRun=true checks only and stores nothing. By default the import is all or
                nothing: any bad row stores nothing and answers 422 (the file was read; its rows break the rules, which 400 is kept
                for: a file that cannot be read, or a header to fix) with rows, imported 0 and errors. ?partial=true stores the
                good rows and lists the others. Each error names its row, column and message, the row being the line the record starts on,
                the header being row 1.
                """);
        api.MapGet("/signals.csv", ExportAsync)
            .WithName("ExportSignals")
            .Produces<string>(StatusCodes.Status200OK, CsvType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Export signals as CSV")
            .WithDescription($"""
                The signals of a period (as chat says it: this month, last 30 days, since 3 Nov, Q3; all when left out), of a theme,
                customer or segment, newest first: RFC 4180, CRLF, UTF-8 with a byte order mark, the columns
                {string.Join(",", SignalCsv.Columns)}. A cell that a spreadsheet would run as a formula starts with '.
                """);
        return api;
    }

    private static async Task<IResult> ImportAsync(
        ApiCaller caller, HttpContext http, SignalIntake intake, ILoggerFactory loggers, bool dryRun = false, bool partial = false)
    {
        SignalSheet sheet;
        try
        {
            sheet = await SignalCsvReader.ReadAsync(CappedBody.Of(http.Request, MaxImportBytes), MaxImportRows, http.RequestAborted);
        }
        catch (CsvRefusedException e)
        {
            loggers.CreateLogger(typeof(CsvEndpoints)).LogInformation("Refused a CSV import in workspace {WorkspaceId}: {Status}", caller.Context.WorkspaceId, e.Status);
            return Refusal(e);
        }

        var check = intake.Check(sheet.Rows, caller.Context);
        var errors = sheet.Errors
            .Concat(check.Errors.Select(e => new RowError(sheet.Lines[e.Index], SignalCsv.ColumnOf(e.Error.Field), e.Error.Message)))
            .OrderBy(e => e.Row)
            .ThenBy(e => CsvInput.PlaceOf(SignalCsv.Columns, e.Column))
            .ToList();
        var bad = errors.Select(e => e.Row).ToHashSet();
        var good = check.Signals.Where((signal, i) => signal is not null && !bad.Contains(sheet.Lines[i])).Select(s => s!).ToList();
        if (dryRun)
        {
            return Results.Ok(new ImportAnswer(sheet.Rows.Count, 0, errors));
        }

        if (errors.Count > 0 && !partial)
        {
            return Results.Problem(
                $"{bad.Count:N0} of {sheet.Rows.Count:N0} rows are not right, so nothing was imported. Fix them, or send ?partial=true to import the rest.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["rows"] = sheet.Rows.Count, ["imported"] = 0, ["errors"] = errors });
        }

        if (good.Count > 0)
        {
            await intake.StoreAsync(caller.Context, good, null, http.RequestAborted);
        }

        return Results.Ok(new ImportAnswer(sheet.Rows.Count, good.Count, errors));
    }

    private static IResult ExportAsync(
        ApiCaller caller, SignalExport export, TimeProvider clock, HttpContext http,
        string? period = null, string? theme = null, string? customer = null, string? segment = null)
    {
        var context = caller.Context;
        var errors = new List<(string, string)>();
        var asked = ApiQuery.Period(string.IsNullOrWhiteSpace(period) ? null : period, context, clock, errors);
        var themeName = ApiQuery.Theme(theme, errors);
        var segmentWord = ApiQuery.Segment(segment, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Fields(ApiProblems.Keyed(errors));
        }

        var range = asked?.Resolve(clock.GetUtcNow(), context.TimeZone, context.Workspace.WeekStart).Current;
        var filter = new SignalFilter(range, segmentWord, Theme: themeName, Customer: string.IsNullOrWhiteSpace(customer) ? null : customer.Trim());
        return export.Download(context.WorkspaceId, filter, SignalExport.FileName(asked?.Label, themeName), http.RequestAborted);
    }

    internal static async Task<IResult> SaveCustomersAsync(ApiCaller caller, HttpContext http, ICustomerStore store, ILoggerFactory loggers)
    {
        CustomerSheet sheet;
        try
        {
            sheet = await CustomerCsvReader.ReadAsync(CappedBody.Of(http.Request, MaxCustomerBytes), MaxCustomerRows, http.RequestAborted);
        }
        catch (CsvRefusedException e)
        {
            return Refusal(e);
        }

        var errors = sheet.Errors.ToList();
        var profiles = new List<CustomerProfile>(sheet.Customers.Count);
        for (var i = 0; i < sheet.Customers.Count; i++)
        {
            var found = new List<(string Field, string Message)>();
            profiles.Add(CustomersApi.Profile(sheet.Customers[i], caller.Context.Workspace, "", found));
            errors.AddRange(found.Select(e => new RowError(sheet.Lines[i], e.Field, e.Message)));
        }

        if (errors.Count == 0)
        {
            try
            {
                var saved = await store.SaveCustomersAsync(caller.Context.WorkspaceId, profiles, http.RequestAborted);
                loggers.CreateLogger(typeof(CsvEndpoints)).LogInformation("Saved {Count} customers from CSV in workspace {WorkspaceId}", saved.Count, caller.Context.WorkspaceId);
                return TypedResults.Ok(new ItemList<CustomerOutput>(saved.Select(c => CustomerOutput.From(c)).ToList()));
            }
            catch (CustomerConflictException conflict)
            {
                errors.Add(new RowError(sheet.Lines[conflict.Index], CustomerField.Aliases, conflict.Message));
            }
        }

        var ordered = errors.OrderBy(e => e.Row).ThenBy(e => CsvInput.PlaceOf(CustomerCsvReader.Columns, e.Column)).ToList();
        return Results.Problem(
            $"{ordered.Select(e => e.Row).Distinct().Count():N0} of {sheet.Customers.Count:N0} rows are not right, so no customer was saved.",
            statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { ["rows"] = sheet.Customers.Count, ["errors"] = ordered });
    }

    /// <summary>A body refused whole, as a problem that says why and, for unreadable CSV, the line.</summary>
    public static IResult Refusal(CsvRefusedException e) => Results.Problem(
        e.Message,
        statusCode: e.Status,
        extensions: e.Line is { } line ? new Dictionary<string, object?> { ["line"] = line } : null);
}
