using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage;

/// <summary>Event receipts (migration 0005): the primary key decides, so two hosts recording one event at once get one row.</summary>
internal abstract partial class SqlPulseStore : IEventReceipts
{
    public async Task<bool> TryRecordEventAsync(Platform platform, string externalId, string eventId, DateTimeOffset receivedAt, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("""
            INSERT INTO event_receipts (platform, external_id, event_id, received_at)
            VALUES (@platform, @external_id, @event_id, @received_at)
            ON CONFLICT (platform, external_id, event_id) DO NOTHING
            """)
            .With("@platform", Rows.Word(platform))
            .With("@external_id", externalId)
            .With("@event_id", eventId)
            .With("@received_at", Rows.Millis(receivedAt));
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<int> ForgetEventsAsync(DateTimeOffset before, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("DELETE FROM event_receipts WHERE received_at < @before")
            .With("@before", Rows.Millis(before));
        return await command.ExecuteNonQueryAsync(ct);
    }
}
