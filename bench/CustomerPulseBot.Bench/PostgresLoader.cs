using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CustomerPulseBot.Bench;

/// <summary>
/// Fills PostgreSQL through binary COPY: a million signals go in within a minute or two, where one
/// capture at a time would take an hour. Themes are created through the store itself (one seed signal
/// each), and the COPY rows carry exactly the derived columns the store writes (customer key, search text,
/// the ranking copies in signal_themes, the customer spellings); PostgreSQL computes the search vector.
/// </summary>
internal sealed class PostgresLoader(NpgsqlDataSource dataSource, PostgresPulseStore store)
{
    /// <summary>Creates the database the connection string names when it does not exist yet.</summary>
    public static async Task EnsureDatabaseAsync(string connectionString, CancellationToken ct)
    {
        try
        {
            await using var probe = new NpgsqlConnection(connectionString);
            await probe.OpenAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            var target = new NpgsqlConnectionStringBuilder(connectionString);
            var server = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" };
            await using var connection = new NpgsqlConnection(server.ConnectionString);
            await connection.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database!.Replace("\"", "\"\"")}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
            Console.WriteLine($"Created database {target.Database}");
        }
    }

    /// <summary>Tops each workspace up to <paramref name="perWorkspace"/> signals; returns how many it added.</summary>
    public async Task<int> LoadAsync(IReadOnlyList<Workspace> workspaces, int perWorkspace, DateTimeOffset now, CancellationToken ct)
    {
        var added = 0;
        for (var i = 0; i < workspaces.Count; i++)
        {
            var workspace = workspaces[i].Id;
            var signals = new BenchSignals(workspace, seed: i, now);
            var count = await store.CountSignalsAsync(workspace, new SignalFilter(), ct);
            if (count >= perWorkspace)
            {
                continue;
            }

            if (count == 0)
            {
                count += BenchSignals.Themes.Count;
                added += BenchSignals.Themes.Count;
                await store.AddSignalsAsync(workspace, signals.ThemeSeeds().ToList(), ct);
            }

            var themeIds = (await store.GetThemesAsync(workspace, ct)).ToDictionary(t => t.Name, t => t.Id);
            var batch = Enumerable.Range(0, perWorkspace - count).Select(_ => signals.Next()).ToList();
            await CopyAsync(workspace, batch, themeIds, ct);
            added += batch.Count;
            Console.WriteLine($"  workspace {i + 1}/{workspaces.Count}: {perWorkspace:N0} signals");
        }

        if (added > 0)
        {
            // Fresh statistics and a visibility map, so the planner picks the index-only scans the ranking relies on.
            await using var vacuum = dataSource.CreateCommand("VACUUM (ANALYZE) workspaces, signals, themes, theme_aliases, signal_themes, customer_spellings");
            vacuum.CommandTimeout = 0;
            await vacuum.ExecuteNonQueryAsync(ct);
        }

        return added;
    }

    private async Task CopyAsync(WorkspaceId workspace, IReadOnlyList<Signal> signals, Dictionary<string, Guid> themeIds, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var rows = await connection.BeginBinaryImportAsync("""
            COPY signals (id, workspace_id, quote, customer, customer_key, segment, source, kind, stage, severity,
                          evidence_url, captured_by_id, captured_by_name, captured_in, said_at, captured_at,
                          source_permalink, search_text) FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var s in signals)
            {
                await rows.StartRowAsync(ct);
                await rows.WriteAsync(s.Id, NpgsqlDbType.Uuid, ct);
                await rows.WriteAsync(workspace.Value, NpgsqlDbType.Uuid, ct);
                await rows.WriteAsync(s.Quote, NpgsqlDbType.Text, ct);
                await TextAsync(rows, s.Customer, ct);
                await TextAsync(rows, Rows.CustomerKey(s.Customer), ct);
                await TextAsync(rows, s.Segment, ct);
                await TextAsync(rows, s.Source, ct);
                await rows.WriteAsync(Rows.Word(s.Kind), NpgsqlDbType.Text, ct);
                await TextAsync(rows, s.Stage is { } stage ? Rows.Word(stage) : null, ct);
                await rows.WriteAsync((int)s.Severity, NpgsqlDbType.Integer, ct);
                await TextAsync(rows, s.EvidenceUrl, ct);
                await rows.WriteAsync(s.CapturedBy.Id, NpgsqlDbType.Text, ct);
                await rows.WriteAsync(s.CapturedBy.Name, NpgsqlDbType.Text, ct);
                await TextAsync(rows, s.CapturedIn, ct);
                await rows.WriteAsync(Rows.Millis(s.SaidAt), NpgsqlDbType.Bigint, ct);
                await rows.WriteAsync(Rows.Millis(s.CapturedAt), NpgsqlDbType.Bigint, ct);
                await TextAsync(rows, s.SourcePermalink, ct);
                await rows.WriteAsync(SearchText.Indexed(s.Quote, s.Customer), NpgsqlDbType.Text, ct);
            }

            await rows.CompleteAsync(ct);
        }

        await using (var links = await connection.BeginBinaryImportAsync("""
            COPY signal_themes (workspace_id, signal_id, theme_id, position, said_at, kind, segment, severity, customer_key, has_evidence,
                                source, stage)
            FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var s in signals)
            {
                // As the store writes them: one row per theme, or one with a null theme for an untagged signal.
                IReadOnlyList<Guid?> themes = s.Themes.Count == 0 ? [null] : s.Themes.Select(t => (Guid?)themeIds[t]).ToList();
                for (var position = 0; position < themes.Count; position++)
                {
                    await links.StartRowAsync(ct);
                    await links.WriteAsync(workspace.Value, NpgsqlDbType.Uuid, ct);
                    await links.WriteAsync(s.Id, NpgsqlDbType.Uuid, ct);
                    if (themes[position] is { } theme)
                    {
                        await links.WriteAsync(theme, NpgsqlDbType.Uuid, ct);
                    }
                    else
                    {
                        await links.WriteNullAsync(ct);
                    }

                    await links.WriteAsync(position, NpgsqlDbType.Integer, ct);
                    await links.WriteAsync(Rows.Millis(s.SaidAt), NpgsqlDbType.Bigint, ct);
                    await links.WriteAsync(Rows.Word(s.Kind), NpgsqlDbType.Text, ct);
                    await TextAsync(links, s.Segment, ct);
                    await links.WriteAsync((int)s.Severity, NpgsqlDbType.Integer, ct);
                    await TextAsync(links, Rows.CustomerKey(s.Customer), ct);
                    await links.WriteAsync(s.EvidenceUrl is not null, NpgsqlDbType.Boolean, ct);
                    await TextAsync(links, s.Source, ct);
                    await TextAsync(links, s.Stage is { } stage ? Rows.Word(stage) : null, ct);
                }
            }

            await links.CompleteAsync(ct);
        }

        // The spellings the store counts per capture, counted once for the whole workspace (its seed captures too).
        await using (var spellings = new NpgsqlCommand("""
            INSERT INTO customer_spellings (workspace_id, customer_key, spelling, signals, first_at)
            SELECT workspace_id, customer_key, btrim(customer), count(*), min(captured_at)
              FROM signals
             WHERE workspace_id = @w AND customer_key IS NOT NULL
             GROUP BY workspace_id, customer_key, btrim(customer)
            ON CONFLICT (workspace_id, customer_key, spelling) DO UPDATE SET signals = excluded.signals, first_at = excluded.first_at
            """, connection, transaction))
        {
            spellings.Parameters.AddWithValue("@w", workspace.Value);
            await spellings.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    private static async Task TextAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken ct)
    {
        if (value is null)
        {
            await writer.WriteNullAsync(ct);
        }
        else
        {
            await writer.WriteAsync(value, NpgsqlDbType.Text, ct);
        }
    }
}
