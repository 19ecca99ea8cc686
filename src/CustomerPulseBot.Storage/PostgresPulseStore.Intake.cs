using System.Data.Common;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Workspaces;
using Npgsql;
using NpgsqlTypes;

namespace CustomerPulseBot.Storage;

/// <summary>
/// A batch of signals in a few statements whatever its size: the signals and their theme names are copied (binary COPY)
/// into tables of the transaction, and each table the store keeps is written from them in one statement, computing what
/// a capture computes. A capture's command per signal, in one transaction, took 100,000 round trips for a CSV import.
/// </summary>
internal sealed partial class PostgresPulseStore
{
    private const string IntakeTablesSql = """
        CREATE TEMP TABLE intake_signals (
            ord integer, id uuid, quote text, customer text, customer_key text, spelling text, segment text, source text,
            kind text, stage text, severity integer, evidence_url text, captured_by_id text, captured_by_name text,
            captured_in text, said_at bigint, captured_at bigint, source_permalink text, search_text text, has_evidence boolean
        ) ON COMMIT DROP;
        CREATE TEMP TABLE intake_themes (signal_id uuid, name text, position integer, new_id uuid) ON COMMIT DROP;
        """;

    protected override async Task<IReadOnlyList<string>> AddManyAsync(
        DbConnection connection, DbTransaction? transaction, WorkspaceId workspace, IReadOnlyList<Signal> signals,
        IReadOnlyList<List<string>> themes, CancellationToken ct)
    {
        await using (var create = connection.Command(IntakeTablesSql, transaction))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        var npgsql = (NpgsqlConnection)connection;
        await CopySignalsAsync(npgsql, signals, ct);
        var named = await CopyThemesAsync(npgsql, signals, themes, ct);

        await using var command = connection.Command("", transaction).With("@w", workspace.Value);
        var createThemes = named.Count == 0 ? "" : $"""
            WITH named AS (SELECT DISTINCT name, new_id FROM intake_themes)
            {CreateNamedThemesSql(command)}
            """;
        // Customer keys resolve through merges once, in the copy, and theme names once per name; the links of a signal are
        // numbered from 0 in the order its themes were named, a theme and its alias being one link; a signal without
        // themes gets the untagged row.
        command.CommandText = $"""
            {createThemes}
            UPDATE intake_signals i SET customer_key = {FilterSql.CustomerKeyOf("i.customer_key")} WHERE i.customer_key IS NOT NULL;
            INSERT INTO signals ({SignalInsertColumns})
            SELECT i.id, @w, i.quote, i.customer, i.customer_key, i.segment, i.source, i.kind, i.stage, i.severity, i.evidence_url,
                   i.captured_by_id, i.captured_by_name, i.captured_in, i.said_at, i.captured_at, i.source_permalink, i.search_text
              FROM intake_signals i;
            INSERT INTO signal_themes ({CapturedLinkColumns})
            SELECT @w, i.id, l.theme_id, COALESCE(l.position, 0), i.said_at, i.kind, i.segment, i.severity, i.customer_key,
                   i.has_evidence, i.source, i.stage
              FROM intake_signals i
              LEFT JOIN (SELECT g.signal_id, g.theme_id, row_number() OVER (PARTITION BY g.signal_id ORDER BY g.first) - 1 AS position
                           FROM (SELECT it.signal_id, r.theme_id, min(it.position) AS first
                                   FROM intake_themes it
                                   JOIN (SELECT n.name, {ThemeIdOf("n.name")} AS theme_id FROM (SELECT DISTINCT name FROM intake_themes) n) r
                                     ON r.name = it.name
                                  GROUP BY it.signal_id, r.theme_id) g) l ON l.signal_id = i.id;
            INSERT INTO customer_spellings (workspace_id, customer_key, spelling, signals, first_at)
            SELECT @w, i.customer_key, i.spelling, count(*), min(i.captured_at)
              FROM intake_signals i
             WHERE i.customer_key IS NOT NULL
             GROUP BY i.customer_key, i.spelling
            {AddSpellingsSql};
            INSERT INTO customers (workspace_id, customer_key, name, created_at, updated_at)
            SELECT @w, c.customer_key, c.spelling, c.captured_at, c.captured_at
              FROM (SELECT i.customer_key, i.spelling, i.captured_at,
                           row_number() OVER (PARTITION BY i.customer_key ORDER BY i.ord) AS n
                      FROM intake_signals i
                     WHERE i.customer_key IS NOT NULL) c
             WHERE c.n = 1
            {FirstNamedCustomerSql};
            """;
        return await ExecuteCreatingThemesAsync(command, named, ct);
    }

    private static async Task CopySignalsAsync(NpgsqlConnection connection, IReadOnlyList<Signal> signals, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY intake_signals (ord, id, quote, customer, customer_key, spelling, segment, source, kind, stage, severity, evidence_url,
                                 captured_by_id, captured_by_name, captured_in, said_at, captured_at, source_permalink, search_text,
                                 has_evidence)
            FROM STDIN (FORMAT BINARY)
            """, ct);
        for (var i = 0; i < signals.Count; i++)
        {
            var s = signals[i];
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(i, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(s.Id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(s.Quote, NpgsqlDbType.Text, ct);
            await TextAsync(copy, s.Customer, ct);
            await TextAsync(copy, Rows.CustomerKey(s.Customer), ct);
            await TextAsync(copy, Rows.CustomerSpelling(s.Customer), ct);
            await TextAsync(copy, s.Segment, ct);
            await TextAsync(copy, s.Source, ct);
            await copy.WriteAsync(Rows.Word(s.Kind), NpgsqlDbType.Text, ct);
            await TextAsync(copy, s.Stage is { } stage ? Rows.Word(stage) : null, ct);
            await copy.WriteAsync((int)s.Severity, NpgsqlDbType.Integer, ct);
            await TextAsync(copy, s.EvidenceUrl, ct);
            await copy.WriteAsync(s.CapturedBy.Id, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(s.CapturedBy.Name, NpgsqlDbType.Text, ct);
            await TextAsync(copy, s.CapturedIn, ct);
            await copy.WriteAsync(Rows.Millis(s.SaidAt), NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(Rows.Millis(s.CapturedAt), NpgsqlDbType.Bigint, ct);
            await TextAsync(copy, s.SourcePermalink, ct);
            await copy.WriteAsync(SearchText.Indexed(s.Quote, s.Customer), NpgsqlDbType.Text, ct);
            await copy.WriteAsync(s.EvidenceUrl is not null, NpgsqlDbType.Boolean, ct);
        }

        await copy.CompleteAsync(ct);
    }

    /// <summary>Copies each signal's theme names with their place; returns the names, each once in the order first named, with the id a new theme gets.</summary>
    private async Task<List<string>> CopyThemesAsync(
        NpgsqlConnection connection, IReadOnlyList<Signal> signals, IReadOnlyList<List<string>> themes, CancellationToken ct)
    {
        var ids = new Dictionary<string, Guid>();
        var named = new List<string>();
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY intake_themes (signal_id, name, position, new_id) FROM STDIN (FORMAT BINARY)", ct);
        for (var i = 0; i < signals.Count; i++)
        {
            for (var position = 0; position < themes[i].Count; position++)
            {
                var name = themes[i][position];
                if (!ids.TryGetValue(name, out var id))
                {
                    id = Guid.CreateVersion7(Clock.GetUtcNow());
                    ids.Add(name, id);
                    named.Add(name);
                }

                await copy.StartRowAsync(ct);
                await copy.WriteAsync(signals[i].Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(name, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(position, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(id, NpgsqlDbType.Uuid, ct);
            }
        }

        await copy.CompleteAsync(ct);
        return named;
    }

    private static Task TextAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, NpgsqlDbType.Text, ct);
}
