using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Views;

namespace CustomerPulseBot.Web.Api;

/// <summary>
/// The OpenAPI document's examples, written as the API's own types and serialised as the API serialises them, so an
/// example cannot drift from the schema beside it.
/// </summary>
internal static class ApiExamples
{
    private static readonly DateTimeOffset Said = new(2026, 12, 3, 10, 15, 0, TimeSpan.Zero);

    public static readonly SignalInput SignalIn = new(
        "Exporting the quarterly report times out every Monday.", "Acme", "buyer", "call", "pain", "use", "high", ["export-timeouts"],
        "2026-12-03T10:15:00Z", "https://crm.example.com/calls/123", "Dana Ruiz");

    public static readonly SignalOutput SignalOut = new(
        Guid.Parse("0193a5b2-7c1e-7d40-9a51-3f9c2a713f9c"), SignalIn.Quote!, "Acme", "buyer", "call", SignalKind.Pain, JourneyStage.Use,
        Severity.High, ["export-timeouts"], [], Said, Said.AddMinutes(2), "https://crm.example.com/calls/123", "Dana Ruiz");

    public static readonly CustomerInput CustomerIn = new("Acme", ["ACME Corp"], "buyer", "Enterprise", 120000m, "Sam Lee");

    public static readonly CustomerOutput CustomerOut = new("Acme", ["ACME Corp"], "buyer", "Enterprise", 120000m, "Sam Lee", 14);

    private static readonly RankedThemeOutput Ranked = new(
        1, "export-timeouts", ThemeStatus.Open, 9, 5, 4, Severity.High, 3, TrendDirection.Rising, [SignalOut], 168000m, 2);

    /// <summary>A signals CSV as imports take it and the export writes it: the header, then one row.</summary>
    public static readonly string SignalsCsv =
        string.Join(",", Csv.SignalCsv.Columns) + "\r\n"
        + "\"Exporting the quarterly report times out, every Monday.\",Acme,buyer,call,pain,use,high,export-timeouts;reports,2026-12-03T10:15:00Z,https://crm.example.com/calls/123\r\n";

    /// <summary>A customers CSV as POST /customers takes it.</summary>
    public static readonly string CustomersCsv =
        string.Join(",", Csv.CustomerCsvReader.Columns) + "\r\n" + "Acme,ACME Corp;Acme Inc,buyer,Enterprise,120000,Sam Lee\r\n";

    /// <summary>Each operation's request example (when it takes a body) and its success answer, by the operation's name.</summary>
    public static readonly IReadOnlyDictionary<string, (object? Request, object? Batch, object? Answer)> ByOperation =
        new Dictionary<string, (object?, object?, object?)>
        {
            ["AddSignals"] = (SignalIn, new[] { SignalIn, SignalIn with { Quote = "Love the new dashboard.", Kind = "praise", Severity = null } }, SignalOut),
            ["ListSignals"] = (null, null, new SignalPageOutput([SignalOut], "MTIzNDU2Nzg5LjAxOTNhNWIyN2MxZTdkNDA5YTUxM2Y5YzJhNzEzZjlj")),
            ["GetSignal"] = (null, null, SignalOut),
            ["DeleteSignal"] = (null, null, null),
            ["ListThemes"] = (null, null, new ThemeListOutput(
                [new ThemeOutput("export-timeouts", ["export-timeout"], ThemeStatus.Open, null, null, 9)], "the last 30 days")),
            ["TopPainPoints"] = (null, null, new TopOutput(
                "this week", "Mon 30 Nov – Sun 6 Dec", "vs the same days of the week before", [Ranked], 2, new UntaggedOutput(3, 2, []), 21)),
            ["Trends"] = (null, null, new TrendsOutput(
                "this week", "Mon 30 Nov – Sun 6 Dec", "vs the same days of the week before", [],
                [new ThemeTrendOutput("export-timeouts", 9, 3, 5, 2, SignalOut)], [])),
            ["SaveCustomers"] = (CustomerIn, new[] { CustomerIn, new CustomerInput("Globex", Segment: "admin", Arr: 48000m) }, CustomerOut with { Signals = null }),
            ["ListCustomers"] = (null, null, new ItemList<CustomerOutput>([CustomerOut])),
            ["ImportSignals"] = (SignalsCsv, null, new Csv.ImportAnswer(3, 2, [new(4, "severity", "\"urgent\" is not a severity I know. Use one of: low, medium, high, critical, or 1 to 4 (1 low, 4 critical).")])),
            ["ExportSignals"] = (null, null, SignalsCsv),
        };

    /// <summary>Schema examples, by the type the schema describes.</summary>
    public static readonly IReadOnlyDictionary<Type, object> ByType = new Dictionary<Type, object>
    {
        [typeof(SignalInput)] = SignalIn,
        [typeof(SignalOutput)] = SignalOut,
        [typeof(CustomerInput)] = CustomerIn,
        [typeof(CustomerOutput)] = CustomerOut,
        [typeof(RankedThemeOutput)] = Ranked,
    };

    public static readonly ProblemExample Problem = new(
        "https://tools.ietf.org/html/rfc9110#section-15.5.1", "One or more validation errors occurred.", 400,
        "One field is not right; nothing was saved.", new Dictionary<string, string[]> { ["[3].quote"] = ["The quote is empty: type what the customer said, in their words."] });

    public static JsonNode? Json(object? value) => value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), ApiJson.Options);

    /// <summary>A problem as the API sends one.</summary>
    internal sealed record ProblemExample(string Type, string Title, int Status, string Detail, IReadOnlyDictionary<string, string[]>? Errors);
}
