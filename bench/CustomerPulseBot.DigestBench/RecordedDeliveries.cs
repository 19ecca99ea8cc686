using System.Data.Common;

namespace CustomerPulseBot.DigestBench;

/// <summary>
/// What the host's own database says it delivered, read with plain SQL of the bench's own: the run's database is
/// new, so every digest delivery row in it is this run's. Rows not delivered are claims still held or given up.
/// <paramref name="LastDeliveredAt"/> is when the host recorded its last delivery (null before the first).
/// </summary>
internal sealed record RecordedDeliveries(long Subscriptions, long Rows, long Delivered, long MostAttempts, DateTimeOffset? LastDeliveredAt)
{
    private const string Query = """
        SELECT (SELECT COUNT(*) FROM subscriptions),
               COUNT(*),
               COALESCE(SUM(CASE WHEN delivered_at IS NOT NULL THEN 1 ELSE 0 END), 0),
               COALESCE(MAX(attempts), 0),
               COALESCE(MAX(delivered_at), 0)
        FROM deliveries WHERE key LIKE 'digest:%'
        """;

    public static async Task<RecordedDeliveries> ReadAsync(DbConnection connection)
    {
        await using (connection)
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = Query;
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var last = reader.GetInt64(4); // milliseconds since the epoch, as the store writes times
            return new RecordedDeliveries(
                reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), last > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(last) : null);
        }
    }

    public override string ToString() =>
        $"{Subscriptions} subscriptions, {Rows} digest delivery rows, {Delivered} delivered, at most {MostAttempts} attempts on one";
}
