using System.Globalization;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage;

/// <summary>
/// Erasure of a customer ("forget customer:…"): unlike a delete, which keeps the row for who deleted it and when, every
/// row holding the customer's words goes.
/// </summary>
internal abstract partial class SqlPulseStore
{
    /// <summary>The signals being erased, for the statements below: every row of the customer's key, deleted or not.</summary>
    private const string ErasedSignals = "SELECT e.id FROM signals e WHERE e.workspace_id = @w AND e.customer_key = @key";

    /// <summary>
    /// The dialect's statements removing the search entries of <see cref="ErasedSignals"/> before their rows go (SQLite
    /// keeps them in a table of their own; a PostgreSQL search vector goes with its row).
    /// </summary>
    protected abstract string ForgetSearchSql(string erased);

    public async Task<int> ForgetCustomerAsync(WorkspaceId workspace, string customer, CancellationToken ct)
    {
        if (Rows.CustomerKey(customer) is not { } named)
        {
            throw new ArgumentException("The customer must be named.", nameof(customer));
        }

        return await WriteAsync(async (connection, transaction, token) =>
        {
            // The name may have been merged into another: the customer meant is the one it leads to, as for the filter.
            var key = await CustomerKeyAsync(connection, transaction!, workspace, named, token); // a write of several commands has a transaction
            await using var count = connection.Command("""
                SELECT count(*) FROM signals WHERE workspace_id = @w AND customer_key = @key AND deleted_at IS NULL AND duplicate_of IS NULL
                """, transaction)
                .With("@w", workspace.Value)
                .With("@key", key);
            var signals = Convert.ToInt32(await count.ExecuteScalarAsync(token), CultureInfo.InvariantCulture);

            // A near-duplicate of another customer merged into one of these stands on its own again, untagged.
            await using var erase = connection.Command($"""
                INSERT INTO signal_themes ({LinkColumns})
                SELECT s.workspace_id, s.id, NULL, 0, s.said_at, s.kind, s.segment, s.severity, s.customer_key, s.evidence_url IS NOT NULL,
                       s.source, s.stage, false
                  FROM signals s
                 WHERE s.workspace_id = @w AND s.deleted_at IS NULL AND s.duplicate_of IN ({ErasedSignals})
                   AND (s.customer_key IS NULL OR s.customer_key <> @key);
                UPDATE signals SET duplicate_of = NULL
                 WHERE workspace_id = @w AND duplicate_of IN ({ErasedSignals}) AND (customer_key IS NULL OR customer_key <> @key);
                DELETE FROM signal_themes WHERE workspace_id = @w AND signal_id IN ({ErasedSignals});
                {ForgetSearchSql(ErasedSignals)}
                DELETE FROM signals WHERE workspace_id = @w AND customer_key = @key;
                DELETE FROM customer_spellings WHERE workspace_id = @w AND customer_key = @key;
                DELETE FROM customer_aliases WHERE workspace_id = @w AND (customer_key = @key OR alias_key = @key);
                DELETE FROM customers WHERE workspace_id = @w AND customer_key = @key;
                """, transaction)
                .With("@w", workspace.Value)
                .With("@key", key);
            await erase.ExecuteNonQueryAsync(token);
            return signals;
        }, oneCommand: false, ct);
    }

    /// <summary>
    /// How many rows still hold anything of these signals or of the customer key (signals, theme links, spellings, merged
    /// names, the customer), whatever their state: what erasure must leave at zero, for tests to inspect.
    /// </summary>
    internal async Task<long> CountRowsOfAsync(WorkspaceId workspace, IReadOnlyList<Guid> signals, string customerKey, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("");
        // "IN (NULL)" matches nothing, where PostgreSQL refuses an empty list.
        var ids = signals.Count == 0 ? "NULL" : string.Join(", ", signals.Select((id, i) =>
        {
            command.With($"@id{i}", id);
            return $"@id{i}";
        }));
        command.CommandText = $"""
            SELECT (SELECT count(*) FROM signals WHERE workspace_id = @w AND (id IN ({ids}) OR customer_key = @key))
                 + (SELECT count(*) FROM signal_themes WHERE workspace_id = @w AND (signal_id IN ({ids}) OR customer_key = @key))
                 + (SELECT count(*) FROM customer_spellings WHERE workspace_id = @w AND customer_key = @key)
                 + (SELECT count(*) FROM customer_aliases WHERE workspace_id = @w AND (customer_key = @key OR alias_key = @key))
                 + (SELECT count(*) FROM customers WHERE workspace_id = @w AND customer_key = @key)
            """;
        command.With("@w", workspace.Value).With("@key", customerKey);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }
}
