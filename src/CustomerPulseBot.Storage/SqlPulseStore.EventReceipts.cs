using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage;

/// <summary>Event receipts (migration 0005): the primary key decides, so two hosts recording one event at once get one row.</summary>
internal abstract partial class SqlPulseStore : IEventReceipts
{
    /// <summary>
    /// In a transaction of its own, not as one command: its answer (recorded or seen before) may not be lost to a
    /// dropped connection, so its insert goes first and its commit after, and a connection dropped before the
    /// commit lets it run again on a new one (the first request after a database restart is answered).
    /// </summary>
    public Task<bool> TryRecordEventAsync(Platform platform, string externalId, string eventId, DateTimeOffset receivedAt, CancellationToken ct) =>
        WriteAsync(async (connection, transaction, ct) =>
        {
            await using var command = connection.Command("""
                INSERT INTO event_receipts (platform, external_id, event_id, received_at)
                VALUES (@platform, @external_id, @event_id, @received_at)
                ON CONFLICT (platform, external_id, event_id) DO NOTHING
                """, transaction)
                .With("@platform", Rows.Word(platform))
                .With("@external_id", externalId)
                .With("@event_id", eventId)
                .With("@received_at", Rows.Millis(receivedAt));
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }, oneCommand: false, ct);

    public Task ForgetEventAsync(Platform platform, string externalId, string eventId, CancellationToken ct) => ReadAsync(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("""
            DELETE FROM event_receipts WHERE platform = @platform AND external_id = @external_id AND event_id = @event_id
            """)
            .With("@platform", Rows.Word(platform))
            .With("@external_id", externalId)
            .With("@event_id", eventId);
        return await command.ExecuteNonQueryAsync(ct);
    }, ct);

    public Task<int> ForgetEventsAsync(DateTimeOffset before, CancellationToken ct) => ReadAsync(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("DELETE FROM event_receipts WHERE received_at < @before")
            .With("@before", Rows.Millis(before));
        return await command.ExecuteNonQueryAsync(ct);
    }, ct);
}
