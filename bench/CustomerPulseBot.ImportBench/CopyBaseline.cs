using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace CustomerPulseBot.ImportBench;

/// <summary>
/// The baseline: the same rows by a plain binary <c>COPY</c> into a bare table with the import's columns (no keys, no
/// index, no themes or customers of their own), over one connection, as fast as PostgreSQL takes rows at all.
/// </summary>
internal static class CopyBaseline
{
    public static async Task<TimeSpan> RunAsync(string connectionString, IReadOnlyList<ImportRow> rows)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand(
            """
            CREATE TABLE bench_copy (
                quote text NOT NULL, customer text, segment text, source text, kind text NOT NULL, stage text,
                severity text NOT NULL, themes text[] NOT NULL, said_at timestamptz NOT NULL, link text)
            """, connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var timer = Stopwatch.StartNew();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY bench_copy (quote, customer, segment, source, kind, stage, severity, themes, said_at, link) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(row.Quote, NpgsqlDbType.Text);
                await copy.WriteAsync(row.Customer, NpgsqlDbType.Text);
                await copy.WriteAsync(row.Segment, NpgsqlDbType.Text);
                await copy.WriteAsync(row.Source, NpgsqlDbType.Text);
                await copy.WriteAsync(row.Kind, NpgsqlDbType.Text);
                await copy.WriteAsync(row.Stage, NpgsqlDbType.Text);
                await copy.WriteAsync(row.Severity, NpgsqlDbType.Text);
                await copy.WriteAsync(row.Themes.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync(row.SaidAt, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(row.Link, NpgsqlDbType.Text);
            }

            await copy.CompleteAsync();
        }

        var took = timer.Elapsed;
        await using var count = new NpgsqlCommand("SELECT count(*) FROM bench_copy", connection);
        var copied = (long)(await count.ExecuteScalarAsync() ?? 0L);
        return copied == rows.Count ? took : throw new InvalidOperationException($"COPY stored {copied} rows, not {rows.Count}.");
    }
}
