using System.Data.Common;
using System.Globalization;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage;

/// <summary>
/// Subscriptions and deliveries (migration 0006), in the same portable SQL as the rest of the store. A claim is
/// one upsert, so the database decides between hosts: PostgreSQL locks the conflicting row and re-checks the
/// WHERE on its latest version; SQLite runs one writer at a time.
/// </summary>
internal abstract partial class SqlPulseStore : IDigestStore
{
    private const string DeliveryKey = "workspace_id = @w AND key = @key AND until = @until";

    public async Task<Subscription> SaveSubscriptionAsync(Subscription subscription, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        // The id, creator and creation time of an existing subscription stay: its job and deliveries hang on the id.
        await using var command = connection.Command($"""
            INSERT INTO subscriptions ({Rows.SubscriptionColumns}, updated_at)
            VALUES (@id, @w, @kind, @platform, @channel_id, @cadence, @day, @at, @time_zone, @segment, @theme, @customer,
                    @skip_empty, @created_by, @created_at, @updated_at)
            ON CONFLICT (workspace_id, kind, channel_id) DO UPDATE SET
                platform = excluded.platform, cadence = excluded.cadence, day = excluded.day, at = excluded.at,
                time_zone = excluded.time_zone, segment = excluded.segment, theme = excluded.theme,
                customer = excluded.customer, skip_empty = excluded.skip_empty, updated_at = excluded.updated_at
            RETURNING {Rows.SubscriptionColumns}
            """)
            .With("@id", subscription.Id)
            .With("@w", subscription.WorkspaceId.Value)
            .With("@kind", Rows.Word(subscription.Kind))
            .With("@platform", Rows.Word(subscription.Platform))
            .With("@channel_id", subscription.ChannelId)
            .With("@cadence", Rows.Word(subscription.Cadence))
            .With("@day", subscription.Day is { } day ? Rows.Word(day) : null)
            .With("@at", subscription.At.ToString(Rows.TimeOfDay, CultureInfo.InvariantCulture))
            .With("@time_zone", subscription.TimeZone)
            .With("@segment", subscription.Filters.Segment)
            .With("@theme", subscription.Filters.Theme)
            .With("@customer", subscription.Filters.Customer)
            .With("@skip_empty", subscription.SkipEmpty)
            .With("@created_by", subscription.CreatedBy)
            .With("@created_at", Rows.Millis(subscription.CreatedAt))
            .With("@updated_at", Rows.Millis(Clock.GetUtcNow()));
        return await command.SingleOrDefaultAsync(Rows.Subscription, ct)
            ?? throw new InvalidOperationException("The upsert of a subscription returned no row.");
    }

    public async Task<Subscription?> FindSubscriptionAsync(WorkspaceId workspace, SubscriptionKind kind, string channelId, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command($"""
            SELECT {Rows.SubscriptionColumns} FROM subscriptions WHERE workspace_id = @w AND kind = @kind AND channel_id = @channel_id
            """)
            .With("@w", workspace.Value)
            .With("@kind", Rows.Word(kind))
            .With("@channel_id", channelId);
        return await command.SingleOrDefaultAsync(Rows.Subscription, ct);
    }

    public async Task<Subscription?> RemoveSubscriptionAsync(WorkspaceId workspace, SubscriptionKind kind, string channelId, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var delete = connection.Command($"""
            DELETE FROM subscriptions WHERE workspace_id = @w AND kind = @kind AND channel_id = @channel_id
            RETURNING {Rows.SubscriptionColumns}
            """, transaction)
            .With("@w", workspace.Value)
            .With("@kind", Rows.Word(kind))
            .With("@channel_id", channelId);
        if (await delete.SingleOrDefaultAsync(Rows.Subscription, ct) is not { } removed)
        {
            return null;
        }

        await using var deliveries = connection.Command("DELETE FROM deliveries WHERE workspace_id = @w AND key = @key", transaction)
            .With("@w", workspace.Value)
            .With("@key", removed.JobId);
        await deliveries.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return removed;
    }

    public async Task<Subscription?> GetSubscriptionAsync(Guid subscriptionId, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command($"SELECT {Rows.SubscriptionColumns} FROM subscriptions WHERE id = @id")
            .With("@id", subscriptionId);
        return await command.SingleOrDefaultAsync(Rows.Subscription, ct);
    }

    public async Task<IReadOnlyList<Subscription>> ListSubscriptionsAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command($"SELECT {Rows.SubscriptionColumns} FROM subscriptions ORDER BY created_at, id");
        return await command.ListAsync(Rows.Subscription, ct);
    }

    public async Task<DeliveryClaim> ClaimDeliveryAsync(
        WorkspaceId workspace, string key, DateTimeOffset until, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        // One statement: a new row is ours; an existing one is ours only if undelivered and its lease has lapsed.
        await using var claim = DeliveryCommand(connection, """
            INSERT INTO deliveries (workspace_id, key, until, claimed_until, attempts)
            VALUES (@w, @key, @until, @lease, 1)
            ON CONFLICT (workspace_id, key, until) DO UPDATE SET
                claimed_until = excluded.claimed_until, attempts = deliveries.attempts + 1
             WHERE deliveries.delivered_at IS NULL
               AND (deliveries.claimed_until IS NULL OR deliveries.claimed_until <= @now)
            RETURNING attempts
            """, workspace, key, until)
            .With("@lease", Rows.Millis(leaseUntil))
            .With("@now", Rows.Millis(now));
        if (await claim.ExecuteScalarAsync(ct) is { } attempts)
        {
            // Every claim counts an attempt, so more than one means an earlier one ran and was never recorded delivered.
            return Convert.ToInt32(attempts) == 1 ? DeliveryClaim.Claimed : DeliveryClaim.ClaimedAgain;
        }

        // Not ours: posted already, or held. A holder that released in between still held it when we asked.
        return await FindDeliveryAsync(connection, workspace, key, until, ct) is { DeliveredAt: not null }
            ? DeliveryClaim.Delivered
            : DeliveryClaim.HeldElsewhere;
    }

    public async Task MarkDeliveredAsync(WorkspaceId workspace, string key, DateTimeOffset until, DateTimeOffset deliveredAt, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = DeliveryCommand(
                connection, $"UPDATE deliveries SET delivered_at = @delivered_at, claimed_until = NULL WHERE {DeliveryKey}", workspace, key, until)
            .With("@delivered_at", Rows.Millis(deliveredAt));
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task ReleaseDeliveryAsync(
        WorkspaceId workspace, string key, DateTimeOffset until, DateTimeOffset leaseUntil, string error, CancellationToken ct)
    {
        // The attempt was counted when it was claimed; a died runner's attempt counts too. The lease is the
        // claim's token: only the run that holds it may give it up.
        await using var connection = await OpenAsync(ct);
        await using var command = DeliveryCommand(
                connection, $"UPDATE deliveries SET claimed_until = NULL, last_error = @error WHERE {DeliveryKey} AND claimed_until = @lease", workspace, key, until)
            .With("@error", error)
            .With("@lease", Rows.Millis(leaseUntil));
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<PendingDelivery?> QueueDeliveryAsync(
        Subscription subscription, DateTimeOffset until, DateTimeOffset pendingSince, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // Writing the subscription's row first makes a second digest now for it wait here until this one has
        // committed (PostgreSQL locks the row; SQLite's transaction holds the write lock already), so it sees this row.
        await using var hold = connection.Command("UPDATE subscriptions SET updated_at = updated_at WHERE id = @id", transaction)
            .With("@id", subscription.Id);
        await hold.ExecuteNonQueryAsync(ct);
        await using var find = connection.Command($"""
            SELECT {PendingColumns} FROM deliveries
             WHERE workspace_id = @w AND key = @key AND delivered_at IS NULL AND until > @since
             ORDER BY until DESC
             LIMIT 1
            """, transaction)
            .With("@w", subscription.WorkspaceId.Value)
            .With("@key", subscription.JobId)
            .With("@since", Rows.Millis(pendingSince));
        if (await find.SingleOrDefaultAsync(Pending, ct) is { } pending)
        {
            return pending;
        }

        // Unclaimed and with no attempt yet: the queued job claims it as PostOnce claims any post.
        await using var insert = connection.Command("INSERT INTO deliveries (workspace_id, key, until, attempts) VALUES (@w, @key, @until, 0)", transaction)
            .With("@w", subscription.WorkspaceId.Value)
            .With("@key", subscription.JobId)
            .With("@until", Rows.Millis(until));
        await insert.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return null;
    }

    public async Task<PendingDelivery?> LastFailureAsync(WorkspaceId workspace, string key, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command($"""
            SELECT {PendingColumns} FROM deliveries d
             WHERE d.workspace_id = @w AND d.key = @key AND d.delivered_at IS NULL AND d.last_error IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM deliveries l
                                WHERE l.workspace_id = @w AND l.key = @key AND l.delivered_at IS NOT NULL AND l.until > d.until)
             ORDER BY d.until DESC
             LIMIT 1
            """)
            .With("@w", workspace.Value)
            .With("@key", key);
        return await command.SingleOrDefaultAsync(Pending, ct);
    }

    public async Task<DateTimeOffset?> LastDeliveredAsync(WorkspaceId workspace, string key, DateTimeOffset before, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("""
            SELECT max(until) FROM deliveries
             WHERE workspace_id = @w AND key = @key AND until < @before AND delivered_at IS NOT NULL
            """)
            .With("@w", workspace.Value)
            .With("@key", key)
            .With("@before", Rows.Millis(before));
        return await command.ExecuteScalarAsync(ct) is long millis ? Rows.Time(millis) : null;
    }

    public async Task<IReadOnlyList<Signal>> GetCapturedSignalsAsync(
        WorkspaceId workspace, DateRange captured, QueryFilters filters, int limit, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("");
        // The ranking order of GetTellingSignalsAsync: severity, then a named customer, then evidence, then the newest.
        command.CommandText = $"""
            SELECT {Rows.SignalColumns}
              FROM signals s
             WHERE {CapturedWhere(command, workspace, captured, filters)}
             ORDER BY s.severity DESC, s.customer_key IS NULL, s.evidence_url IS NULL, s.said_at DESC, s.id DESC
             LIMIT @limit
            """;
        command.With("@limit", limit);
        return await command.ListAsync(Rows.Signal, ct);
    }

    public async Task<int> CountCapturedSignalsAsync(WorkspaceId workspace, DateRange captured, QueryFilters filters, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("");
        command.CommandText = $"SELECT count(*) FROM signals s WHERE {CapturedWhere(command, workspace, captured, filters)}";
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct));
    }

    /// <summary>The delivery row as it stands, or null: what a failed claim found, and what tests inspect.</summary>
    internal async Task<DeliveryRow?> FindDeliveryAsync(WorkspaceId workspace, string key, DateTimeOffset until, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return await FindDeliveryAsync(connection, workspace, key, until, ct);
    }

    private static async Task<DeliveryRow?> FindDeliveryAsync(
        DbConnection connection, WorkspaceId workspace, string key, DateTimeOffset until, CancellationToken ct)
    {
        await using var command = DeliveryCommand(
            connection, $"SELECT claimed_until, delivered_at, attempts, last_error FROM deliveries WHERE {DeliveryKey}", workspace, key, until);
        return await command.SingleOrDefaultAsync(r => new DeliveryRow(
            r.IsDBNull(0) ? null : Rows.Time(r.GetInt64(0)),
            r.IsDBNull(1) ? null : Rows.Time(r.GetInt64(1)),
            r.GetInt32(2),
            r.IsDBNull(3) ? null : r.GetString(3)), ct);
    }

    private const string PendingColumns = "until, attempts, last_error";

    private static PendingDelivery Pending(DbDataReader r) =>
        new(Rows.Time(r.GetInt64(0)), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetString(2));

    /// <summary>A command on the delivery row of (<paramref name="key"/>, <paramref name="until"/>), its key bound.</summary>
    private static DbCommand DeliveryCommand(DbConnection connection, string sql, WorkspaceId workspace, string key, DateTimeOffset until) =>
        connection.Command(sql).With("@w", workspace.Value).With("@key", key).With("@until", Rows.Millis(until));

    /// <summary>
    /// Captured in [start, end), so a signal captured on a digest's boundary is in the later digest only; every
    /// filter the person named applies (a digest of "enterprise buyers, not internal" reads those alone).
    /// </summary>
    private string CapturedWhere(DbCommand command, WorkspaceId workspace, DateRange captured, QueryFilters filters)
    {
        command.With("@captured_start", Rows.Millis(captured.Start)).With("@captured_end", Rows.Millis(captured.End));
        return $"{Where(command, workspace, SignalFilter.Of(null, filters), FilterTable.Signals)} AND s.captured_at >= @captured_start AND s.captured_at < @captured_end";
    }

    internal sealed record DeliveryRow(DateTimeOffset? ClaimedUntil, DateTimeOffset? DeliveredAt, int Attempts, string? LastError);
}
