using System.Data.Common;
using CustomerPulseBot.Core.Meaning;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage;

/// <summary>
/// What the meaning features keep (migration 0008): vectors, suggested tags and merged near-duplicates. Tags are
/// signal_themes rows like any other, so rankings count a suggested tag as they count a person's; a merged
/// near-duplicate loses its rows (its themes go to its original) and <see cref="FilterSql"/> skips it in signals.
/// </summary>
internal abstract partial class SqlPulseStore : IMeaningStore
{
    /// <summary>The columns of a signal_themes row; a new link copies the ranking columns from its signal.</summary>
    private const string LinkColumns =
        "workspace_id, signal_id, theme_id, position, said_at, kind, segment, severity, customer_key, has_evidence, source, stage, suggested";

    public Task SaveVectorsAsync(
        IReadOnlyList<(WorkspaceId Workspace, Guid SignalId, float[] Vector)> vectors, string model, CancellationToken ct)
    {
        if (vectors.Count == 0)
        {
            return Task.CompletedTask;
        }

        return WriteAsync(async (connection, transaction, token) =>
        {
            // One statement run for each vector: SQLite's writer compiles it once, and a backfill's batch is one transaction.
            foreach (var (workspace, signalId, vector) in vectors)
            {
                await using var built = connection.Command("""
                    UPDATE signals SET vector = @vector, vector_model = @model
                     WHERE workspace_id = @w AND id = @id AND deleted_at IS NULL
                    """, transaction)
                    .With("@vector", Vectors.ToBytes(vector))
                    .With("@model", model)
                    .With("@w", workspace.Value)
                    .With("@id", signalId);
                await Compiled(built).ExecuteNonQueryAsync(token);
            }

            return 0;
        }, oneCommand: vectors.Count == 1, ct);
    }

    public Task<IReadOnlyList<PendingVector>> FindSignalsWithoutVectorAsync(string model, Guid? after, int limit, CancellationToken ct) =>
        ReadAsync<IReadOnlyList<PendingVector>>(async ct =>
        {
            await using var connection = await OpenAsync(ct);
            // By id along the primary key: a backfill fills in that order, so the rows after its last id mostly lack a
            // vector and each page reads little more than itself.
            await using var command = connection.Command($"""
                SELECT s.workspace_id, s.id, s.quote
                  FROM signals s
                 WHERE {WithoutVector} {(after is null ? "" : "AND s.id > @after")}
                 ORDER BY s.id
                 LIMIT @limit
                """)
                .With("@model", model)
                .With("@after", after)
                .With("@limit", limit);
            return await command.ListAsync(r => new PendingVector(new WorkspaceId(r.GetGuid(0)), r.GetGuid(1), r.GetString(2)), ct);
        }, ct);

    public Task<int> CountSignalsWithoutVectorAsync(string model, CancellationToken ct) => ReadAsync(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command($"SELECT count(*) FROM signals s WHERE {WithoutVector}").With("@model", model);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct));
    }, ct);

    /// <summary>An undeleted signal of <c>s</c> whose vector is missing or another model's than <c>@model</c>.</summary>
    private const string WithoutVector = "s.deleted_at IS NULL AND (s.vector_model IS NULL OR s.vector_model <> @model)";

    public Task<IReadOnlyList<MeaningRow>> GetMeaningRowsAsync(WorkspaceId workspace, string model, CancellationToken ct) =>
        ReadAsync<IReadOnlyList<MeaningRow>>(async ct =>
        {
            await using var connection = await OpenAsync(ct);
            await using var command = connection.Command($"""
                SELECT s.id, s.quote, s.vector,
                       (SELECT string_agg(t.name, ' ' ORDER BY st.position)
                          FROM signal_themes st JOIN themes t ON t.id = st.theme_id WHERE st.signal_id = s.id),
                       (SELECT string_agg(t.name, ' ' ORDER BY st.position)
                          FROM signal_themes st JOIN themes t ON t.id = st.theme_id WHERE st.signal_id = s.id AND st.suggested),
                       {Rows.CustomerName}, s.customer_key, s.said_at, s.captured_at, s.duplicate_of
                  FROM signals s
                 WHERE s.workspace_id = @w AND s.deleted_at IS NULL AND s.vector_model = @model
                """)
                .With("@w", workspace.Value)
                .With("@model", model);
            return await command.ListAsync(r => new MeaningRow(
                r.GetGuid(0),
                r.GetString(1),
                Vectors.FromBytes(r.GetFieldValue<byte[]>(2)),
                Names(r, 3),
                Names(r, 4),
                r.IsDBNull(5) ? null : r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6),
                Rows.Time(r.GetInt64(7)),
                Rows.Time(r.GetInt64(8)),
                r.IsDBNull(9) ? null : r.GetGuid(9)), ct);
        }, ct);

    private static IReadOnlyList<string> Names(DbDataReader r, int ordinal) =>
        r.IsDBNull(ordinal) ? [] : r.GetString(ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public async Task<int> TagSignalsAsync(
        WorkspaceId workspace, IReadOnlyList<Guid> signalIds, string theme, bool suggested, CancellationToken ct)
    {
        var name = ThemeName.Normalise(theme) ?? throw new ArgumentException($"\"{theme}\" is not a theme name.", nameof(theme));
        var ids = signalIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return 0;
        }

        return await WriteAsync(async (connection, transaction, token) =>
        {
            await using (var create = connection.Command("", transaction).With("@w", workspace.Value))
            {
                create.CommandText = CreateThemesSql(create, [name]);
                await ExecuteCreatingThemesAsync(create, [name], token);
            }

            var themeId = await ThemeIdAsync(connection, transaction, workspace, name, token)
                ?? throw new InvalidOperationException($"#{name} vanished in the transaction that created it.");
            var gained = 0;
            foreach (var id in ids)
            {
                // The untagged row becomes the tag, or the tag is added after the signal's others (its ranking columns
                // copied from the signal); a deleted or merged signal has no rows and gains nothing. A person's tag of
                // a theme already suggested takes the mark off: it was not gained.
                await using var built = connection.Command($"""
                    UPDATE signal_themes SET theme_id = @theme, suggested = @suggested
                     WHERE workspace_id = @w AND signal_id = @id AND theme_id IS NULL;
                    INSERT INTO signal_themes ({LinkColumns})
                    SELECT s.workspace_id, s.id, @theme, (SELECT max(x.position) + 1 FROM signal_themes x WHERE x.signal_id = @id),
                           s.said_at, s.kind, s.segment, s.severity, s.customer_key, s.evidence_url IS NOT NULL, s.source, s.stage, @suggested
                      FROM signals s
                     WHERE s.workspace_id = @w AND s.id = @id
                       AND EXISTS (SELECT 1 FROM signal_themes y WHERE y.workspace_id = @w AND y.signal_id = @id)
                       AND NOT EXISTS (SELECT 1 FROM signal_themes y WHERE y.workspace_id = @w AND y.signal_id = @id AND y.theme_id = @theme);
                    """, transaction)
                    .With("@w", workspace.Value)
                    .With("@id", id)
                    .With("@theme", themeId)
                    .With("@suggested", suggested);
                gained += await Compiled(built).ExecuteNonQueryAsync(token);
                if (!suggested)
                {
                    await using var confirm = connection.Command("""
                        UPDATE signal_themes SET suggested = false
                         WHERE workspace_id = @w AND signal_id = @id AND theme_id = @theme AND suggested
                        """, transaction)
                        .With("@w", workspace.Value)
                        .With("@id", id)
                        .With("@theme", themeId);
                    await Compiled(confirm).ExecuteNonQueryAsync(token);
                }
            }

            return gained;
        }, oneCommand: false, ct);
    }

    public async Task<bool> UntagSignalAsync(WorkspaceId workspace, Guid signalId, string theme, CancellationToken ct)
    {
        if (ThemeName.Normalise(theme) is not { } name)
        {
            return false;
        }

        return await WriteAsync(async (connection, transaction, token) =>
        {
            if (await ThemeIdAsync(connection, transaction, workspace, name, token) is not { } themeId)
            {
                return false;
            }

            await using var position = connection.Command("""
                SELECT position FROM signal_themes WHERE workspace_id = @w AND signal_id = @id AND theme_id = @theme
                """, transaction)
                .With("@w", workspace.Value)
                .With("@id", signalId)
                .With("@theme", themeId);
            if (await position.ExecuteScalarAsync(token) is not { } found || found is DBNull)
            {
                return false;
            }

            // The last tag leaves the untagged row in its place, so the signal keeps its row at position 0; any other
            // goes, and those after it move up one, so that position 0 is still the signal's first.
            await using var untag = connection.Command("""
                UPDATE signal_themes SET theme_id = NULL, suggested = false
                 WHERE workspace_id = @w AND signal_id = @id AND theme_id = @theme
                   AND NOT EXISTS (SELECT 1 FROM signal_themes x WHERE x.workspace_id = @w AND x.signal_id = @id AND x.theme_id <> @theme);
                DELETE FROM signal_themes WHERE workspace_id = @w AND signal_id = @id AND theme_id = @theme;
                UPDATE signal_themes SET position = position - 1 WHERE workspace_id = @w AND signal_id = @id AND position > @position;
                """, transaction)
                .With("@w", workspace.Value)
                .With("@id", signalId)
                .With("@theme", themeId)
                .With("@position", Convert.ToInt32(found));
            await untag.ExecuteNonQueryAsync(token);
            return true;
        }, oneCommand: false, ct);
    }

    public async Task<bool> MergeDuplicateAsync(WorkspaceId workspace, Guid duplicate, Guid original, CancellationToken ct)
    {
        if (duplicate == original)
        {
            return false;
        }

        return await WriteAsync(async (connection, transaction, token) =>
        {
            await using var read = connection.Command("""
                SELECT s.id, s.duplicate_of FROM signals s
                 WHERE s.workspace_id = @w AND s.id IN (@duplicate, @original) AND s.deleted_at IS NULL
                """, transaction)
                .With("@w", workspace.Value)
                .With("@duplicate", duplicate)
                .With("@original", original);
            var found = (await read.ListAsync(r => (Id: r.GetGuid(0), Of: r.IsDBNull(1) ? (Guid?)null : r.GetGuid(1)), token))
                .ToDictionary(row => row.Id, row => row.Of);
            if (!found.ContainsKey(duplicate) || !found.TryGetValue(original, out var originalOf))
            {
                return false;
            }

            // An original merged before stands for the one it was merged into, so a chain never forms.
            var into = originalOf ?? original;
            if (into == duplicate)
            {
                return false;
            }

            // The duplicate's themes the original lacks go to it (an untagged original loses its untagged row first),
            // then the duplicate and anything merged into it point at the original, and its rows go.
            await using var merge = connection.Command($"""
                DELETE FROM signal_themes
                 WHERE workspace_id = @w AND signal_id = @into AND theme_id IS NULL
                   AND EXISTS (SELECT 1 FROM signal_themes d WHERE d.workspace_id = @w AND d.signal_id = @duplicate AND d.theme_id IS NOT NULL);
                INSERT INTO signal_themes ({LinkColumns})
                SELECT s.workspace_id, s.id, d.theme_id,
                       COALESCE((SELECT max(x.position) FROM signal_themes x WHERE x.signal_id = @into), -1)
                         + row_number() OVER (ORDER BY d.position),
                       s.said_at, s.kind, s.segment, s.severity, s.customer_key, s.evidence_url IS NOT NULL, s.source, s.stage, d.suggested
                  FROM signal_themes d
                  JOIN signals s ON s.workspace_id = @w AND s.id = @into
                 WHERE d.workspace_id = @w AND d.signal_id = @duplicate AND d.theme_id IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM signal_themes y WHERE y.workspace_id = @w AND y.signal_id = @into AND y.theme_id = d.theme_id);
                UPDATE signals SET duplicate_of = @into WHERE workspace_id = @w AND (id = @duplicate OR duplicate_of = @duplicate);
                DELETE FROM signal_themes WHERE workspace_id = @w AND signal_id = @duplicate;
                """, transaction)
                .With("@w", workspace.Value)
                .With("@duplicate", duplicate)
                .With("@into", into);
            await merge.ExecuteNonQueryAsync(token);
            return true;
        }, oneCommand: false, ct);
    }

    /// <summary>The id of the theme <paramref name="name"/> (a normalised name or alias) names, in the write's transaction.</summary>
    private static async Task<Guid?> ThemeIdAsync(
        DbConnection connection, DbTransaction? transaction, WorkspaceId workspace, string name, CancellationToken ct)
    {
        await using var command = connection.Command("""
            SELECT t.id FROM themes t WHERE t.workspace_id = @w AND t.name = @name
            UNION ALL
            SELECT a.theme_id FROM theme_aliases a WHERE a.workspace_id = @w AND a.alias = @name
            """, transaction)
            .With("@w", workspace.Value)
            .With("@name", name);
        var ids = await command.ListAsync(r => r.GetGuid(0), ct);
        return ids.Count == 0 ? null : ids[0];
    }
}
