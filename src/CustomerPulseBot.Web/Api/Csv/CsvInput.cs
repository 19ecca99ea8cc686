using System.Runtime.CompilerServices;
using CsvHelper;
using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Web.Api.Csv;

/// <summary>
/// Reads a CSV body with a header row, one record at a time, as the columns of a known table: every header must name
/// one of them, once, and the required one must be there. Cells come back in the table's column order (null when the
/// column is missing or the cell empty), with <see cref="CsvCell.Restore"/> applied, and the line each record starts
/// on (the header is line 1), which is what a row's errors name. Unreadable CSV stops the read with the line.
/// </summary>
internal static class CsvInput
{
    /// <summary>Far above any row we take (a quote is at most 4,000 characters), so a quote left open at the top of a large file fails at once.</summary>
    private const int MaxRecordBytes = 1024 * 1024;

    public static async IAsyncEnumerable<(int Line, string?[] Cells)> ReadAsync(
        Stream body, IReadOnlyList<string> columns, string required, int maxRows, [EnumeratorCancellation] CancellationToken ct)
    {
        var options = new CsvReaderOptions
        {
            // Set, not detected: a file whose first quotes are full of semicolons is still comma-separated.
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
            IncludeValuesInExceptions = false,
            MaxRecordSize = MaxRecordBytes,
            // An import holds every row until it is checked: customers, segments and kinds repeat, so each is kept once.
            PoolStrings = true,
        };
        await using var reader = CsvReader.Create(body, options, leaveOpen: true);
        var places = await HeaderAsync(reader, columns, required, ct);
        var rows = 0;
        while (await Next(reader, ct))
        {
            if (++rows > maxRows)
            {
                throw new CsvRefusedException(StatusCodes.Status413PayloadTooLarge,
                    $"The CSV has more than {maxRows:N0} rows, the most one import takes; nothing was saved. Split it into several files.");
            }

            var cells = new string?[columns.Count];
            for (var i = 0; i < places.Length; i++)
            {
                var text = reader.GetString(i);
                cells[places[i]] = text.Length == 0 ? null : CsvCell.Restore(text);
            }

            yield return ((int)reader.LineNumber, cells);
        }
    }

    /// <summary>For each field of a record, the place of its column in <paramref name="columns"/>.</summary>
    private static async Task<int[]> HeaderAsync(CsvReader reader, IReadOnlyList<string> columns, string required, CancellationToken ct)
    {
        try
        {
            await reader.ReadHeaderAsync(ct);
        }
        catch (CsvFormatException e)
        {
            throw Unreadable(e);
        }

        var headers = reader.Headers;
        if (headers.Count == 0 || headers is [""])
        {
            throw new CsvRefusedException(StatusCodes.Status400BadRequest,
                $"The CSV is empty: its first line must be a header naming the columns ({string.Join(",", columns)}).", 1);
        }

        var places = new int[headers.Count];
        for (var i = 0; i < headers.Count; i++)
        {
            var name = headers[i].Trim().ToLowerInvariant();
            places[i] = PlaceOf(columns, name);
            if (places[i] < 0)
            {
                throw new CsvRefusedException(StatusCodes.Status400BadRequest,
                    $"Unknown column \"{FieldError.Excerpt(headers[i])}\" (column {i + 1} of the header). The columns are: {string.Join(", ", columns)}.", 1);
            }

            if (places.AsSpan(0, i).Contains(places[i]))
            {
                throw new CsvRefusedException(StatusCodes.Status400BadRequest, $"The column \"{name}\" appears twice in the header.", 1);
            }
        }

        if (!places.Contains(PlaceOf(columns, required)))
        {
            throw new CsvRefusedException(StatusCodes.Status400BadRequest, $"The header has no \"{required}\" column, which every row needs.", 1);
        }

        return places;
    }

    private static async Task<bool> Next(CsvReader reader, CancellationToken ct)
    {
        try
        {
            return await reader.ReadAsync(ct);
        }
        catch (CsvFormatException e)
        {
            throw Unreadable(e);
        }
    }

    /// <summary>CsvHelper's message names the record's line and the problem, never a value (IncludeValuesInExceptions is off).</summary>
    private static CsvRefusedException Unreadable(CsvFormatException e) =>
        new(StatusCodes.Status400BadRequest, e.Message, e.LineNumber > 0 ? e.LineNumber : null);


    /// <summary>Where <paramref name="column"/> is in <paramref name="columns"/>, and so in the cells read; -1 when it is not one of them.</summary>
    public static int PlaceOf(IReadOnlyList<string> columns, string column)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i] == column)
            {
                return i;
            }
        }

        return -1;
    }
}
