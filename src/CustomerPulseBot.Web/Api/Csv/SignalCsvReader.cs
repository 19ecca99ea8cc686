using System.Globalization;
using CustomerPulseBot.Core.Exchange;
using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Web.Api.Csv;

/// <summary>
/// Reads a signals CSV (<see cref="SignalCsv.Columns"/>) into drafts for <see cref="SignalIntake.Check"/>, which judges
/// every field as it does a capture's; this reads only what the CSV form adds: themes split at <c>;</c>, and said_at as
/// an ISO 8601 date (that day in the workspace's time zone, as a typed day is read) or date-time (UTC when it has no offset).
/// </summary>
internal static class SignalCsvReader
{
    public static async Task<SignalSheet> ReadAsync(Stream body, int maxRows, CancellationToken ct)
    {
        var rows = new List<IntakeRow>();
        var lines = new List<int>();
        var errors = new List<RowError>();
        await foreach (var (line, cells) in CsvInput.ReadAsync(body, SignalCsv.Columns, SignalCsv.Quote, maxRows, ct))
        {
            string? Cell(string column) => cells[Place(column)];
            var (saidOn, saidAt) = SaidAt(Cell(SignalCsv.SaidAt), line, errors);
            rows.Add(new IntakeRow(new CaptureDraft(
                Cell(SignalCsv.Quote) ?? "",
                Cell(SignalCsv.Customer),
                Cell(SignalCsv.Segment),
                Cell(SignalCsv.Source),
                Cell(SignalCsv.Kind),
                Cell(SignalCsv.Stage),
                Cell(SignalCsv.Themes)?.Split(SignalCsv.ThemeSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                Cell(SignalCsv.Severity),
                Cell(SignalCsv.Link),
                saidOn,
                saidAt)));
            lines.Add(line);
        }

        return new SignalSheet(rows, lines, errors);
    }

    private static int Place(string column) => CsvInput.PlaceOf(SignalCsv.Columns, column);

    /// <summary>A date goes to the draft as a day, read as a typed one is; a date-time as the exact moment.</summary>
    private static (string? Day, DateTimeOffset? Moment) SaidAt(string? cell, int line, List<RowError> errors)
    {
        var text = cell?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return (null, null);
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return (text, null);
        }

        if (text.Length > 10 && text[10] is 'T' or 't'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var moment))
        {
            return (null, moment);
        }

        errors.Add(new RowError(line, SignalCsv.SaidAt,
            $"\"{FieldError.Excerpt(text)}\" is not an ISO 8601 date or date-time: write 2026-12-03 or 2026-12-03T10:15:00Z."));
        return (null, null);
    }
}
