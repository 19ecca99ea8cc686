using System.Data.Common;
using System.Text;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage;

/// <summary>
/// A <see cref="SignalFilter"/> as a WHERE clause, in SQL both dialects read alike. It applies to
/// <c>signals</c> and to <c>signal_themes</c>, which carry the same filter columns (workspace_id, said_at,
/// kind, segment, source, stage, severity, customer_key); only the signal id column differs. Deleted signals and
/// merged near-duplicates have no signal_themes rows, so only <c>signals</c> needs to skip them. The full-text match is the
/// dialect's (<see cref="TextCondition"/>).
/// </summary>
internal static class FilterSql
{
    /// <summary>
    /// The dialect's full-text condition: <paramref name="idColumn"/> is the id of an undeleted signal of the
    /// workspace <c>@w</c> with every word. Never called with no words.
    /// </summary>
    public delegate string TextCondition(DbCommand command, IReadOnlyList<string> words, string idColumn);

    /// <summary>
    /// Resolves <c>@customer_key</c> through merges: a merged customer's key leads to the one it joined.
    /// Captures, edits and customer filters all go through it, so a merged name never splits a customer again.
    /// </summary>
    public const string CustomerKey =
        "COALESCE((SELECT ca.customer_key FROM customer_aliases ca WHERE ca.workspace_id = @w AND ca.alias_key = @customer_key), @customer_key)";

    /// <summary><see cref="CustomerKey"/> of a key given as an SQL expression (a column) rather than <c>@customer_key</c>.</summary>
    public static string CustomerKeyOf(string key) => CustomerKey.Replace("@customer_key", key, StringComparison.Ordinal);

    /// <summary>
    /// <paramref name="lookedUp"/>: the caller finds the signals by id (a text match of its own), so the rest of
    /// the filter is checked on each.
    /// </summary>
    public static string Where(
        DbCommand command, WorkspaceId workspace, SignalFilter filter, FilterTable table, TextCondition text, bool lookedUp = false)
    {
        var (a, id) = table == FilterTable.Signals ? ("s", "s.id") : ("f", "f.signal_id");
        // With words, the few signals that have them are looked up by id and the rest of the filter checked on each:
        // "+ 0" and COALESCE keep period and workspace off their indexes (in both databases), which the planners
        // otherwise picked, reading and testing every signal of the period (a second at 100,000 in SQLite). Read one
        // theme at a time, the period is checked per row so that the theme's own index is walked.
        var words = SearchText.Query(filter.Text);
        lookedUp = lookedUp || words is { Count: > 0 };
        var saidAt = table == FilterTable.SignalThemesByTheme || lookedUp ? $"{a}.said_at + 0" : $"{a}.said_at";
        var where = new StringBuilder(lookedUp ? $"COALESCE({a}.workspace_id, {a}.workspace_id) = @w" : $"{a}.workspace_id = @w");
        command.With("@w", workspace.Value);
        if (table == FilterTable.Signals)
        {
            where.Append(" AND s.deleted_at IS NULL AND s.duplicate_of IS NULL");
        }

        if (filter.Range is { } range)
        {
            where.Append($" AND {saidAt} >= @range_start AND {saidAt} < @range_end");
            command.With("@range_start", Rows.Millis(range.Start)).With("@range_end", Rows.Millis(range.End));
        }

        if (filter.Segment is { } segment)
        {
            where.Append($" AND {a}.segment = @segment");
            command.With("@segment", Word(segment));
        }

        if (filter.ExcludedSegments is { Count: > 0 } excluded)
        {
            // A signal without a segment is not in the excluded ones.
            var names = List(command, "excluded", excluded.Select(Word).Distinct());
            where.Append($" AND ({a}.segment IS NULL OR {a}.segment NOT IN ({names}))");
        }

        if (filter.Source is { } source)
        {
            where.Append($" AND {a}.source = @source");
            command.With("@source", Word(source));
        }

        if (filter.Kinds is { } kinds)
        {
            where.Append(kinds.Count == 0 ? " AND 1 = 0" : $" AND {a}.kind IN ({List(command, "kind", kinds.Distinct().Select(Rows.Word))})");
        }

        if (filter.MinSeverity is { } severity)
        {
            where.Append($" AND {a}.severity >= @min_severity");
            command.With("@min_severity", (int)severity);
        }

        if (filter.Stage is { } stage)
        {
            where.Append($" AND {a}.stage = @stage");
            command.With("@stage", Rows.Word(stage));
        }

        if (filter.Customer is { } customer)
        {
            where.Append($" AND {a}.customer_key = {CustomerKey}");
            command.With("@customer_key", Rows.CustomerKey(customer));
        }

        if (filter.Theme is { } theme)
        {
            // The theme may be named by an alias; a name that cannot be a theme matches nothing.
            where.Append($"""
                 AND {id} IN (SELECT x.signal_id FROM signal_themes x
                               WHERE x.workspace_id = @w
                                 AND x.theme_id IN (SELECT t.id FROM themes t WHERE t.workspace_id = @w AND t.name = @theme
                                                    UNION ALL
                                                    SELECT a.theme_id FROM theme_aliases a WHERE a.workspace_id = @w AND a.alias = @theme))
                """);
            command.With("@theme", ThemeName.Normalise(theme) ?? "");
        }

        if (words is not null)
        {
            where.Append(words.Count == 0 ? " AND 1 = 0" : $" AND {text(command, words, id)}");
        }

        return where.ToString();
    }

    private static string Word(string value) => value.Trim().ToLowerInvariant();

    private static string List(DbCommand command, string name, IEnumerable<string> values) =>
        string.Join(", ", values.Select((value, i) =>
        {
            command.With($"@{name}{i}", value);
            return $"@{name}{i}";
        }));
}

/// <summary>Which table a <see cref="FilterSql"/> clause reads: <c>signals s</c> or <c>signal_themes f</c>.</summary>
internal enum FilterTable
{
    Signals,
    SignalThemes,

    /// <summary>
    /// <c>signal_themes f</c> read one theme at a time in ranking order: the period is checked on each row rather
    /// than through signal_themes_by_said_at, which a prepared plan (guessing a period holds a handful of rows)
    /// otherwise picked, sorting 7,000 untagged signals of 90 days to keep three.
    /// </summary>
    SignalThemesByTheme,
}
