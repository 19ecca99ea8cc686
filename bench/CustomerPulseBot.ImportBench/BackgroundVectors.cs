using System.Diagnostics;
using Npgsql;

namespace CustomerPulseBot.ImportBench;

/// <summary>
/// The vectors the host computes after each load (the queue's first 2,000 at once, the rest by the backfill job every two
/// minutes, with both cores): waited for before a timed phase, so that a phase does not pay for the one before it.
/// </summary>
internal static class BackgroundVectors
{
    /// <summary>Waits until every signal has a vector, at most <paramref name="longest"/>; returns how long it took and how many are still missing.</summary>
    public static async Task<(TimeSpan Took, long Missing)> WaitAsync(string connectionString, TimeSpan longest)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM signals WHERE deleted_at IS NULL AND vector_model IS NULL", connection);
        var timer = Stopwatch.StartNew();
        while (true)
        {
            var missing = (long)(await count.ExecuteScalarAsync() ?? 0L);
            if (missing == 0 || timer.Elapsed >= longest)
            {
                return (timer.Elapsed, missing);
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }
}
