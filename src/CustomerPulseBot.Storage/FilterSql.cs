using System.Data.Common;
using System.Text;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage;

/// <summary>
/// A <see cref="SignalFilter"/> as a WHERE clause, in SQL both dialects read alike. It applies to
/// <c>signals</c> and to <c>signal_themes</c>, which carry the same filter columns (workspace_id,
/// said_at, kind, segment, customer_key); only the signal id column and the quote text differ.
/// </summary>
internal static class FilterSql
{
    public static string Where(DbCommand command, WorkspaceId workspace, SignalFilter filter, FilterTable table)
    {
        var (a, id) = table == FilterTable.Signals ? ("s", "s.id") : ("f", "f.signal_id");
        var where = new StringBuilder($"{a}.workspace_id = @w");
        command.With("@w", workspace.Value);

        if (filter.Range is { } range)
        {
            where.Append($" AND {a}.said_at >= @range_start AND {a}.said_at < @range_end");
            command.With("@range_start", Rows.Millis(range.Start)).With("@range_end", Rows.Millis(range.End));
        }

        if (filter.Segment is { } segment)
        {
            where.Append($" AND {a}.segment = @segment");
            command.With("@segment", segment.Trim().ToLowerInvariant());
        }

        if (filter.Kinds is { } kinds)
        {
            var names = kinds.Distinct().Select((kind, i) =>
            {
                command.With($"@kind{i}", Rows.Word(kind));
                return $"@kind{i}";
            }).ToList();
            where.Append(names.Count == 0 ? " AND 1 = 0" : $" AND {a}.kind IN ({string.Join(", ", names)})");
        }

        if (filter.Customer is { } customer)
        {
            where.Append($" AND {a}.customer_key = @customer");
            command.With("@customer", Rows.CustomerKey(customer));
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

        var words = Words(filter.Text);
        if (words.Count > 0)
        {
            var column = table == FilterTable.Signals ? "s.search_text" : "q.search_text";
            var likes = string.Join(" AND ", words.Select((word, i) =>
            {
                command.With($"@word{i}", $"%{EscapeLike(word)}%");
                return $@"{column} LIKE @word{i} ESCAPE '\'";
            }));
            where.Append(table == FilterTable.Signals
                ? $" AND {likes}"
                : $" AND f.signal_id IN (SELECT q.id FROM signals q WHERE q.workspace_id = @w AND {likes})");
        }

        return where.ToString();
    }

    private static List<string> Words(string? text) =>
        text is null ? [] : text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();

    /// <summary>Typed % and _ are letters to look for, not wildcards.</summary>
    private static string EscapeLike(string word) =>
        word.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}

/// <summary>Which table a <see cref="FilterSql"/> clause reads: <c>signals s</c> or <c>signal_themes f</c>.</summary>
internal enum FilterTable
{
    Signals,
    SignalThemes,
}
