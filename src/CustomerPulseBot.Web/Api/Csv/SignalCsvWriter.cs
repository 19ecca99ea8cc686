using System.Globalization;
using CsvHelper;
using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Web.Api.Csv;

/// <summary>
/// Writes signals as the signals CSV: RFC 4180 (CRLF, quotes doubled, a field with a comma, quote, CR or LF quoted),
/// UTF-8 with a byte order mark so Excel reads it as UTF-8, every cell through <see cref="CsvCell.Neutralise"/>.
/// Reading it back with <see cref="SignalCsvReader"/> gives the same fields.
/// </summary>
internal static class SignalCsvWriter
{
    private static readonly CsvWriterOptions Options = new() { WriteByteOrderMark = true, Separator = ',', NewLine = "\r\n" };

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<Signal> signals, CancellationToken ct)
    {
        await using var writer = CsvWriter.Create(output, Options, leaveOpen: true);
        await writer.WriteRecordAsync([.. SignalCsv.Columns], ct);
        await foreach (var signal in signals.WithCancellation(ct))
        {
            await writer.WriteRecordAsync(Cells(signal), ct);
        }

        await writer.FlushAsync(ct);
    }

    /// <summary>
    /// A signal's cells in column order, every one neutralised (only free text can start like a formula, but no cell is
    /// left to chance). said_at is UTC with as many fractional digits as it has (none for a whole second), so an
    /// exported moment is imported as the same moment.
    /// </summary>
    private static string[] Cells(Signal signal) => Array.ConvertAll<string, string>(
    [
        signal.Quote,
        signal.Customer ?? "",
        signal.Segment ?? "",
        signal.Source ?? "",
        Word(signal.Kind),
        signal.Stage is { } stage ? Word(stage) : "",
        Word(signal.Severity),
        string.Join(SignalCsv.ThemeSeparator, signal.Themes),
        signal.SaidAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        signal.EvidenceUrl ?? "",
    ], CsvCell.Neutralise);

    private static string Word<TEnum>(TEnum value) where TEnum : struct, Enum => value.ToString().ToLowerInvariant();
}
