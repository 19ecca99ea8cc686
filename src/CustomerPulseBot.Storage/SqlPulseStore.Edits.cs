using System.Data.Common;
using System.Globalization;
using System.Text;
using CustomerPulseBot.Core.Customers;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage;

/// <summary>
/// Edits, deletes and the customer and stage answers (migration 0007). A deleted signal keeps its row but loses
/// its signal_themes rows, its customer spelling and (through the schema) its search entry, so that no ranking,
/// count or search meets it again. An edit keeps a merged near-duplicate without signal_themes rows, and forgets the
/// vector of a quote it changes (the backfill computes it again).
/// </summary>
internal abstract partial class SqlPulseStore
{
    /// <summary>Digits of a <see cref="Signal.ShortId"/>-style reference: fewer would match too much.</summary>
    private const int MinReferenceDigits = 6;

    /// <summary>
    /// One use fewer of a customer's spelling (<c>@old_key</c>, <c>@old_spelling</c>); a spelling nobody uses
    /// any more is forgotten, so it cannot stand for the customer.
    /// </summary>
    private const string ForgetSpellingSql = """
        UPDATE customer_spellings SET signals = signals - 1
         WHERE workspace_id = @w AND customer_key = @old_key AND spelling = @old_spelling;
        DELETE FROM customer_spellings WHERE workspace_id = @w AND customer_key = @old_key AND signals <= 0;
        """;

    public async Task<IReadOnlyList<string>> UpdateSignalAsync(WorkspaceId workspace, Signal signal, CancellationToken ct)
    {
        if (signal.WorkspaceId != workspace)
        {
            throw new ArgumentException($"The signal must belong to workspace {workspace}.", nameof(signal));
        }

        var themes = ThemeNames(signal);
        return await WriteAsync(async (connection, transaction, token) =>
        {
            await using var read = connection.Command("""
                SELECT s.customer, s.customer_key, s.captured_at FROM signals s
                 WHERE s.workspace_id = @w AND s.id = @id AND s.deleted_at IS NULL
                """, transaction)
                .With("@w", workspace.Value)
                .With("@id", signal.Id);
            var stored = await read.SingleOrDefaultAsync(r => new StoredCustomer(
                    r.IsDBNull(0) ? null : r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetInt64(2)), token)
                ?? throw new InvalidOperationException($"Signal {signal.ShortId} is not in this workspace, or was deleted.");

            // The new spelling is counted before the old one is forgotten, so keeping the same name keeps its first use.
            await using var update = connection.Command("", transaction);
            update.CommandText = $"""
                {CreateThemesSql(update, themes)}
                UPDATE signals SET quote = @quote, customer = @customer, customer_key = {FilterSql.CustomerKey}, segment = @segment,
                                   source = @source, kind = @kind, stage = @stage, severity = @severity, evidence_url = @evidence_url,
                                   said_at = @said_at, source_permalink = @source_permalink, search_text = @search_text,
                                   vector = CASE WHEN quote = @quote THEN vector END,
                                   vector_model = CASE WHEN quote = @quote THEN vector_model END
                 WHERE workspace_id = @w AND id = @id;
                DELETE FROM signal_themes WHERE workspace_id = @w AND signal_id = @id;
                {LinksAndSpellingSql(BindSignal(update, workspace, signal), signal, themes.Count)}
                {(Rows.CustomerSpelling(stored.Customer) is null ? "" : ForgetSpellingSql)}
                DELETE FROM signal_themes
                 WHERE workspace_id = @w AND signal_id = @id
                   AND EXISTS (SELECT 1 FROM signals d WHERE d.id = @id AND d.duplicate_of IS NOT NULL);
                """;
            update.With("@captured_at", stored.CapturedAt)
                .With("@old_key", stored.Key)
                .With("@old_spelling", Rows.CustomerSpelling(stored.Customer));
            return await ExecuteCreatingThemesAsync(update, themes, token);
        }, oneCommand: false, ct);
    }

    public async Task<bool> DeleteSignalAsync(WorkspaceId workspace, Guid signalId, ChatUser by, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var delete = connection.Command("""
            UPDATE signals SET deleted_at = @at, deleted_by_id = @by_id, deleted_by_name = @by_name
             WHERE workspace_id = @w AND id = @id AND deleted_at IS NULL
            RETURNING customer, customer_key
            """, transaction)
            .With("@w", workspace.Value)
            .With("@id", signalId)
            .With("@at", Rows.Millis(at))
            .With("@by_id", by.Id)
            .With("@by_name", by.Name);
        var deleted = await delete.ListAsync(r => (Customer: r.IsDBNull(0) ? null : r.GetString(0), Key: r.IsDBNull(1) ? null : r.GetString(1)), ct);
        if (deleted.Count == 0)
        {
            return false;
        }

        var (customer, key) = deleted[0];
        await using var forget = connection.Command($"""
            DELETE FROM signal_themes WHERE workspace_id = @w AND signal_id = @id;
            {(Rows.CustomerSpelling(customer) is null ? "" : ForgetSpellingSql)}
            """, transaction)
            .With("@w", workspace.Value)
            .With("@id", signalId)
            .With("@old_key", key)
            .With("@old_spelling", Rows.CustomerSpelling(customer));
        await forget.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Who deleted the signal and when, or null while it stands: what the row keeps, for tests to inspect.</summary>
    internal async Task<(ChatUser By, DateTimeOffset At)?> FindDeletionAsync(WorkspaceId workspace, Guid signalId, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("""
            SELECT deleted_by_id, deleted_by_name, deleted_at FROM signals
             WHERE workspace_id = @w AND id = @id AND deleted_at IS NOT NULL
            """)
            .With("@w", workspace.Value)
            .With("@id", signalId);
        var rows = await command.ListAsync(r => (new ChatUser(r.GetString(0), r.GetString(1)), Rows.Time(r.GetInt64(2))), ct);
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<Signal?> FindLastCaptureAsync(WorkspaceId workspace, string userId, CancellationToken ct) => ReadAsync(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command($"""
            SELECT {Rows.SignalColumns}
              FROM signals s
             WHERE s.workspace_id = @w AND s.captured_by_id = @user AND s.deleted_at IS NULL
             ORDER BY s.captured_at DESC, s.id DESC
             LIMIT 1
            """)
            .With("@w", workspace.Value)
            .With("@user", userId);
        return await command.SingleOrDefaultAsync(Rows.Signal, ct);
    }, ct);

    public Task<IReadOnlyList<Signal>> FindSignalsByReferenceAsync(WorkspaceId workspace, string reference, CancellationToken ct) => ReadAsync<IReadOnlyList<Signal>>(async ct =>
    {
        var typed = reference.Trim();
        var digits = typed.Replace("-", "");
        string condition;
        object value;
        if (Guid.TryParse(typed, out var id))
        {
            condition = "s.id = @reference";
            value = id;
        }
        else if (digits.Length >= MinReferenceDigits && digits.Length < 32 && digits.All(char.IsAsciiHexDigit))
        {
            // Ids are compared in their text form, which both databases give with dashes (lower-cased here, as
            // SQLite keeps the case it was written in); the suffix gets its dashes where that form has them.
            condition = "lower(CAST(s.id AS text)) LIKE @reference";
            value = "%" + DashedSuffix(digits.ToLowerInvariant());
        }
        else
        {
            return [];
        }

        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command($"""
            SELECT {Rows.SignalColumns}
              FROM signals s
             WHERE s.workspace_id = @w AND s.deleted_at IS NULL AND {condition}
             ORDER BY s.captured_at DESC, s.id DESC
            """)
            .With("@w", workspace.Value)
            .With("@reference", value);
        return await command.ListAsync(Rows.Signal, ct);
    }, ct);

    /// <summary>The last digits of a Guid's "N" form as they end its "D" form (8-4-4-4-12).</summary>
    private static string DashedSuffix(string digits)
    {
        var suffix = new StringBuilder();
        for (var i = 32 - digits.Length; i < 32; i++)
        {
            if (i is 8 or 12 or 16 or 20 && suffix.Length > 0)
            {
                suffix.Append('-');
            }

            suffix.Append(digits[i - (32 - digits.Length)]);
        }

        return suffix.ToString();
    }

    public Task<CustomerList> GetCustomerStatsAsync(WorkspaceId workspace, SignalFilter filter, int limit, CancellationToken ct) => ReadAsync(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("");
        // Each customer's newest signal carries its count and, on every row, how many customers there are in
        // all (counted before the limit). At least one row is read so that the total is there even for limit 0.
        command.CommandText = $"""
            SELECT {Rows.SignalColumns}, m.signals, count(*) OVER () AS customers
              FROM (SELECT s.id, s.customer_key,
                           count(*) OVER (PARTITION BY s.customer_key) AS signals,
                           row_number() OVER (PARTITION BY s.customer_key ORDER BY s.said_at DESC, s.id DESC) AS newest
                      FROM signals s
                     WHERE {Where(command, workspace, filter, FilterTable.Signals)} AND s.customer_key IS NOT NULL) m
              JOIN signals s ON s.id = m.id
             WHERE m.newest = 1
             ORDER BY m.signals DESC, m.customer_key
             LIMIT @limit
            """;
        command.With("@limit", Math.Max(limit, 1));
        var rows = await command.ListAsync(r => (
            Stats: new CustomerStats(r.GetString(3), (int)r.GetInt64(Rows.SignalColumnCount), Rows.Signal(r)),
            Total: (int)r.GetInt64(Rows.SignalColumnCount + 1)), ct);
        return new CustomerList(rows.Take(limit).Select(row => row.Stats).ToList(), rows.Count == 0 ? 0 : rows[0].Total);
    }, ct);

    public Task<IReadOnlyList<StageStats>> GetStageStatsAsync(WorkspaceId workspace, SignalFilter filter, CancellationToken ct) => ReadAsync<IReadOnlyList<StageStats>>(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("");
        command.CommandText = $"""
            SELECT s.stage, count(*), count(DISTINCT s.customer_key), sum(s.severity), max(s.severity)
              FROM signals s
             WHERE {Where(command, workspace, filter, FilterTable.Signals)}
             GROUP BY s.stage
             ORDER BY count(*) DESC, s.stage IS NULL, s.stage
            """;
        return await command.ListAsync(r =>
        {
            var signals = r.GetInt64(1);
            return new StageStats(
                r.IsDBNull(0) ? null : Enum.Parse<JourneyStage>(r.GetString(0), ignoreCase: true),
                (int)signals,
                (int)r.GetInt64(2),
                (double)r.GetInt64(3) / signals,
                (int)r.GetInt64(4));
        }, ct);
    }, ct);

    public async Task<int> MergeCustomersAsync(WorkspaceId workspace, string from, string into, CancellationToken ct)
    {
        if (Rows.CustomerKey(from) is not { } fromName || Rows.CustomerKey(into) is not { } intoName)
        {
            throw new ArgumentException("Both customers must be named.");
        }

        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // Either name may itself have been merged before: the customers meant are the ones those names lead to.
        var fromKey = await CustomerKeyAsync(connection, transaction, workspace, fromName, ct);
        var intoKey = await CustomerKeyAsync(connection, transaction, workspace, intoName, ct);
        if (fromKey == intoKey)
        {
            return 0;
        }

        await using var count = connection.Command(
                "SELECT count(*) FROM signals WHERE workspace_id = @w AND customer_key = @from AND deleted_at IS NULL", transaction)
            .With("@w", workspace.Value)
            .With("@from", fromKey);
        var moved = Convert.ToInt32(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);

        // Deleted signals move too, so that the customer stays one if one is ever restored. The spellings come
        // along marked as merged: the customer merged into keeps its own name.
        await using var merge = connection.Command($"""
            UPDATE signals SET customer_key = @into WHERE workspace_id = @w AND customer_key = @from;
            UPDATE signal_themes SET customer_key = @into WHERE workspace_id = @w AND customer_key = @from;
            INSERT INTO customer_spellings (workspace_id, customer_key, spelling, signals, first_at, merged)
            SELECT workspace_id, @into, spelling, signals, first_at, true
              FROM customer_spellings WHERE workspace_id = @w AND customer_key = @from
            {AddSpellingsSql};
            DELETE FROM customer_spellings WHERE workspace_id = @w AND customer_key = @from;
            UPDATE customer_aliases SET customer_key = @into WHERE workspace_id = @w AND customer_key = @from;
            INSERT INTO customer_aliases (workspace_id, alias_key, customer_key, alias)
            VALUES (@w, @from, @into, COALESCE((SELECT f.name FROM customers f WHERE f.workspace_id = @w AND f.customer_key = @from), @from_name))
            ON CONFLICT (workspace_id, alias_key) DO UPDATE SET customer_key = excluded.customer_key;
            {MergeCustomerRowsSql}
            """, transaction)
            .With("@w", workspace.Value)
            .With("@from", fromKey)
            .With("@into", intoKey)
            .With("@from_name", from.Trim())
            .With("@into_name", into.Trim())
            .With("@now", Rows.Millis(Clock.GetUtcNow()));
        await merge.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return moved;
    }

    /// <summary>
    /// Keeps one customers row for a merge of <c>@from</c> into <c>@into</c>: what the target knows wins, the source fills
    /// what it lacks. A target named only by the merge gets its row first.
    /// </summary>
    private const string MergeCustomerRowsSql = """
        INSERT INTO customers (workspace_id, customer_key, name, created_at, updated_at)
        VALUES (@w, @into, @into_name, @now, @now)
        ON CONFLICT (workspace_id, customer_key) DO NOTHING;
        UPDATE customers
           SET segment = COALESCE(segment, (SELECT f.segment FROM customers f WHERE f.workspace_id = @w AND f.customer_key = @from)),
               plan = COALESCE(plan, (SELECT f.plan FROM customers f WHERE f.workspace_id = @w AND f.customer_key = @from)),
               arr = COALESCE(arr, (SELECT f.arr FROM customers f WHERE f.workspace_id = @w AND f.customer_key = @from)),
               owner = COALESCE(owner, (SELECT f.owner FROM customers f WHERE f.workspace_id = @w AND f.customer_key = @from)),
               updated_at = @now
         WHERE workspace_id = @w AND customer_key = @into;
        DELETE FROM customers WHERE workspace_id = @w AND customer_key = @from;
        """;

    private static async Task<string> CustomerKeyAsync(
        DbConnection connection, DbTransaction? transaction, WorkspaceId workspace, string key, CancellationToken ct)
    {
        await using var command = connection.Command($"SELECT {FilterSql.CustomerKey}", transaction)
            .With("@w", workspace.Value)
            .With("@customer_key", key);
        return (string)(await command.ExecuteScalarAsync(ct))!; // COALESCE of a given key is never null
    }

    /// <summary>What an edit must know of the signal as stored: whose spelling it counted, and since when.</summary>
    private sealed record StoredCustomer(string? Customer, string? Key, long CapturedAt);
}
