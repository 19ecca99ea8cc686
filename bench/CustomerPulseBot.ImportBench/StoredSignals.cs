using Npgsql;

namespace CustomerPulseBot.ImportBench;

/// <summary>What a workspace holds after a phase, read with SQL: its signals, the themes people gave them, and their quotes.</summary>
internal sealed record StoredSignals(long Signals, long ThemeLinks, int QuotesDiffering)
{
    /// <summary>
    /// Counts the workspace's signals and the theme links people gave them (an untagged signal's row and a suggestion's
    /// tag aside), and how many of <paramref name="rows"/>' quotes are not among its
    /// quotes exactly as sent (after the trim every capture gets): a CSV or JSON cell read wrongly shows here.
    /// </summary>
    public static async Task<StoredSignals> ReadAsync(string connectionString, string workspace, IReadOnlyList<ImportRow> rows)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var counts = new NpgsqlCommand(
            """
            SELECT (SELECT count(*) FROM signals s WHERE s.workspace_id = w.id),
                   (SELECT count(*) FROM signal_themes t WHERE t.workspace_id = w.id AND t.theme_id IS NOT NULL AND NOT t.suggested)
              FROM workspaces w WHERE w.name = @name
            """, connection);
        counts.Parameters.AddWithValue("name", workspace);
        await using var reader = await counts.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            throw new InvalidOperationException($"No workspace {workspace}.");
        }

        var (signals, themeLinks) = (reader.GetInt64(0), reader.GetInt64(1));
        await reader.CloseAsync();

        await using var quotes = new NpgsqlCommand(
            "SELECT s.quote FROM signals s JOIN workspaces w ON w.id = s.workspace_id WHERE w.name = @name", connection);
        quotes.Parameters.AddWithValue("name", workspace);
        var stored = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var quoteReader = await quotes.ExecuteReaderAsync())
        {
            while (await quoteReader.ReadAsync())
            {
                var quote = quoteReader.GetString(0);
                stored[quote] = stored.GetValueOrDefault(quote) + 1;
            }
        }

        var differing = 0;
        foreach (var row in rows)
        {
            var quote = ImportRows.Stored(row.Quote);
            if (stored.GetValueOrDefault(quote) > 0)
            {
                stored[quote]--;
            }
            else
            {
                differing++;
            }
        }

        return new StoredSignals(signals, themeLinks, differing);
    }

    public override string ToString() => $"{Signals:N0} signals, {ThemeLinks:N0} theme links, {QuotesDiffering:N0} quotes not as sent";
}
