using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CustomerPulseBot.Bench;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.ImportBench;

/// <summary>
/// The rows every phase loads, the same for a seed (said-at relative to the day of the run): the search bench's signals
/// (<see cref="BenchSignals"/>: 40 themes of skewed popularity, about 10 % untagged, a few thousand customers, every
/// segment, source, kind, stage and severity, links on some) with quotes of 40–400 characters that a support tool's
/// export holds: several sentences, line breaks, commas, double quotes, emoji, and a few that start like a formula.
/// </summary>
internal static class ImportRows
{
    public const int MinQuote = 40;
    public const int MaxQuote = 400;

    public const string CsvHeader = "quote,customer,segment,source,kind,stage,severity,themes,said_at,link";

    private static readonly string[] Asides =
    [
        "They said, word for word, \"we can't keep doing this by hand\".",
        "Quote from the call: \"it's fine, until it isn't\".",
        "Their admin wrote \"see attached, again\" 😤",
        "Thanks for looking into it 🙏",
        "Otherwise, great product 👍",
        "It happened twice today, once at 9:00 and once at 14:30.",
        "We export to Excel, then to Google Sheets, then back.",
        "Ticket was closed as \"works as intended\", which it doesn't.",
        "Would love an update 🚀",
        "Same as last month, see the thread.",
        "Not urgent, but annoying.",
        "Sales promised this in the demo; the customer reminded us 3 times.",
    ];

    /// <summary>Starts people type in a CRM or a spreadsheet, which a spreadsheet would read as a formula.</summary>
    private static readonly string[] FormulaLike = ["+1 ", "- ", "=", "@support: "];

    private static readonly string[] Breaks = [" ", " ", " ", "\n", "\n\n"];

    public static IReadOnlyList<ImportRow> Generate(int count, int seed)
    {
        var now = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(-1);
        var signals = new BenchSignals(new WorkspaceId(Guid.Empty), seed, now);
        var random = new Random(seed + 1);
        var rows = new List<ImportRow>(count);
        while (rows.Count < count)
        {
            var signal = signals.Next();
            rows.Add(new ImportRow(
                Quote(signal.Quote, signals, random),
                signal.Customer,
                signal.Segment!, // BenchSignals picks one for every signal
                signal.Source!,
                signal.Kind.ToString().ToLowerInvariant(),
                signal.Stage?.ToString().ToLowerInvariant(),
                signal.Severity.ToString().ToLowerInvariant(),
                signal.Themes,
                new DateTimeOffset(signal.SaidAt.UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero),
                signal.EvidenceUrl,
                signal.CapturedBy.Name));
        }

        return rows;
    }

    /// <summary>The rows as one CSV file (RFC 4180, CRLF, UTF-8), the columns the import reads.</summary>
    public static byte[] Csv(IReadOnlyList<ImportRow> rows)
    {
        var csv = new StringBuilder(rows.Count * 300);
        csv.Append(CsvHeader).Append("\r\n");
        foreach (var row in rows)
        {
            string?[] cells =
            [
                row.Quote, row.Customer, row.Segment, row.Source, row.Kind, row.Stage, row.Severity, string.Join(';', row.Themes),
                SaidAt(row.SaidAt), row.Link,
            ];
            csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>The rows as JSON arrays of <paramref name="size"/> signals each, in the API's shape.</summary>
    public static IReadOnlyList<byte[]> JsonBatches(IReadOnlyList<ImportRow> rows, int size)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return rows.Chunk(size)
            .Select(batch => JsonSerializer.SerializeToUtf8Bytes(batch.Select(r => new
            {
                quote = r.Quote,
                customer = r.Customer,
                segment = r.Segment,
                source = r.Source,
                kind = r.Kind,
                stage = r.Stage,
                severity = r.Severity,
                themes = r.Themes,
                saidAt = SaidAt(r.SaidAt),
                link = r.Link,
                capturedBy = r.CapturedBy,
            }), options))
            .ToList();
    }

    public static string SaidAt(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The quote as the store keeps it: the capture path trims it and turns CRLF into LF.</summary>
    public static string Stored(string quote) => quote.Replace("\r\n", "\n").Trim();

    /// <summary>
    /// The signal's quote, lengthened with more of what customers say, asides and line breaks to a length drawn between
    /// <see cref="MinQuote"/> and <see cref="MaxQuote"/> (most short, a few long), and cut at a space to fit.
    /// </summary>
    private static string Quote(string first, BenchSignals more, Random random)
    {
        var target = MinQuote + (int)((MaxQuote - MinQuote) * Math.Pow(random.NextDouble(), 1.8));
        var quote = new StringBuilder(random.NextDouble() < 0.01 ? FormulaLike[random.Next(FormulaLike.Length)] : "");
        quote.Append(first);
        while (quote.Length < target)
        {
            quote.Append(Breaks[random.Next(Breaks.Length)]);
            quote.Append(random.NextDouble() < 0.3 ? Asides[random.Next(Asides.Length)] : more.Next().Quote);
        }

        var text = quote.ToString();
        if (text.Length > MaxQuote)
        {
            // At a space, so that no emoji (two UTF-16 units) is cut in half.
            text = text[..text.LastIndexOf(' ', MaxQuote - 1)].TrimEnd() + "…";
        }

        return text;
    }

    private static string Cell(string? value) =>
        value is null ? "" : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
