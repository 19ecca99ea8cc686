using System.Diagnostics;

namespace CustomerPulseBot.Bench;

/// <summary>Latency percentiles of one operation in milliseconds, after a warm-up that is not counted.</summary>
internal sealed record Timing(double P50, double P95, double P99)
{
    public const int WarmUp = 20;

    public static async Task<Timing> MeasureAsync(Func<Task> operation, int iterations)
    {
        for (var i = 0; i < WarmUp; i++)
        {
            await operation();
        }

        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await operation();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return Of(samples);
    }

    /// <summary>The percentiles of samples taken elsewhere (sorted in place); none gives zeros.</summary>
    public static Timing Of(double[] samples)
    {
        if (samples.Length == 0)
        {
            return new Timing(0, 0, 0);
        }

        Array.Sort(samples);
        return new Timing(Percentile(samples, 50), Percentile(samples, 95), Percentile(samples, 99));
    }

    public override string ToString() => $"p50 {P50,7:F2} ms   p95 {P95,7:F2} ms   p99 {P99,7:F2} ms";

    /// <summary>Nearest rank: the smallest sample with at least p% of the samples at or below it.</summary>
    private static double Percentile(double[] sorted, int p) =>
        sorted[Math.Max(0, (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1)];
}
