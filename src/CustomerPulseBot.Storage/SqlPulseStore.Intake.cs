using System.Data.Common;
using CustomerPulseBot.Core.Exchange;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage;

/// <summary>
/// Batches in and pages out for the API and CSV (migration 0012): a batch is stored as captures are, in one transaction
/// with the first answer to its idempotency key, and pages are read newest first by key, never by offset.
/// </summary>
internal abstract partial class SqlPulseStore : IIntakeStore
{
    /// <summary>
    /// The key's row goes first, insert-or-nothing: a second request with the key waits on the primary key until the
    /// first commits (PostgreSQL) or queues behind it (SQLite's one writer), then finds its row and stores nothing.
    /// A lone signal without a key is one command, as a capture.
    /// </summary>
    public async Task<IntakeOutcome> AddSignalsAsync(
        WorkspaceId workspace, IReadOnlyList<Signal> signals, IdempotentRequest? request, CancellationToken ct)
    {
        if (signals.Any(s => s.WorkspaceId != workspace))
        {
            throw new ArgumentException($"Every signal must belong to workspace {workspace}.", nameof(signals));
        }

        var themes = signals.Select(ThemeNames).ToList();
        return await WriteAsync(async (connection, transaction, token) =>
        {
            if (request is not null && await RecordRequestAsync(connection, transaction, workspace, request, token) is { } earlier)
            {
                return new IntakeOutcome([], earlier);
            }

            IReadOnlyList<string> created = signals.Count switch
            {
                0 => [],
                1 => await AddOneAsync(connection, transaction, workspace, signals[0], themes[0], token),
                _ => await AddManyAsync(connection, transaction, workspace, signals, themes, token),
            };
            return new IntakeOutcome(created);
        }, oneCommand: request is null && signals.Count == 1, ct);
    }

    /// <summary>Records the request's key and answer; when the key was recorded before, that first answer instead.</summary>
    private async Task<StoredAnswer?> RecordRequestAsync(
        DbConnection connection, DbTransaction? transaction, WorkspaceId workspace, IdempotentRequest request, CancellationToken ct)
    {
        await using var insert = connection.Command("""
            INSERT INTO api_requests (workspace_id, idempotency_key, request_hash, status, body, created_at)
            VALUES (@w, @key, @hash, @status, @body, @at)
            ON CONFLICT (workspace_id, idempotency_key) DO NOTHING
            """, transaction)
            .With("@w", workspace.Value)
            .With("@key", request.Key)
            .With("@hash", request.RequestHash)
            .With("@status", request.Status)
            .With("@body", request.Body)
            .With("@at", Rows.Millis(Clock.GetUtcNow()));
        return await insert.ExecuteNonQueryAsync(ct) == 1 ? null : await FindAnswerAsync(connection, transaction, workspace, request.Key, ct);
    }

    public Task<StoredAnswer?> FindAnswerAsync(WorkspaceId workspace, string key, CancellationToken ct) => ReadAsync(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        return await FindAnswerAsync(connection, null, workspace, key, ct);
    }, ct);

    private static async Task<StoredAnswer?> FindAnswerAsync(
        DbConnection connection, DbTransaction? transaction, WorkspaceId workspace, string key, CancellationToken ct)
    {
        await using var select = connection.Command("""
            SELECT request_hash, status, body, created_at FROM api_requests WHERE workspace_id = @w AND idempotency_key = @key
            """, transaction)
            .With("@w", workspace.Value)
            .With("@key", key);
        return await select.SingleOrDefaultAsync(r => new StoredAnswer(r.GetString(0), r.GetInt32(1), r.GetString(2), Rows.Time(r.GetInt64(3))), ct);
    }

    public Task<int> ForgetAnswersAsync(DateTimeOffset before, CancellationToken ct) => ReadAsync(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("DELETE FROM api_requests WHERE created_at < @before")
            .With("@before", Rows.Millis(before));
        return await command.ExecuteNonQueryAsync(ct);
    }, ct);

    /// <summary>One row more than the page, to know whether another follows.</summary>
    public Task<SignalPage> ListSignalsAsync(
        WorkspaceId workspace, SignalFilter filter, SignalCursor? after, int limit, CancellationToken ct) => ReadAsync(async ct =>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("");
        var where = Where(command, workspace, filter, FilterTable.Signals);
        if (after is not null)
        {
            where += " AND (s.said_at < @after_said_at OR (s.said_at = @after_said_at AND s.id < @after_id))";
            command.With("@after_said_at", Rows.Millis(after.SaidAt)).With("@after_id", after.Id);
        }

        command.CommandText = $"""
            SELECT {Rows.SignalColumns}
              FROM signals s
             WHERE {where}
             ORDER BY s.said_at DESC, s.id DESC
             LIMIT @limit
            """;
        command.With("@limit", limit + 1);
        var rows = await command.ListAsync(Rows.Signal, ct);
        if (rows.Count <= limit)
        {
            return new SignalPage(rows, null);
        }

        rows.RemoveAt(limit);
        return new SignalPage(rows, new SignalCursor(rows[^1].SaidAt, rows[^1].Id));
    }, ct);
}
