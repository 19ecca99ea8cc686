using System.Diagnostics;

namespace CustomerPulseBot.SlackBench;

/// <summary>
/// An open-loop load: request i is sent at start + i / rate whatever happened to the ones before, and its
/// latency counts from that scheduled moment. A server that falls behind therefore shows it as latency
/// (queueing) instead of quietly being sent less, which a closed loop of waiting clients would do.
/// </summary>
internal static class OpenLoop
{
    public static async Task<LoadResult> RunAsync(
        HttpClient client, Uri url, IReadOnlyList<SignedCapture> captures, int rate, Func<string, bool> acknowledges)
    {
        var ticksPerRequest = (double)Stopwatch.Frequency / rate;
        var sends = new Task<Outcome>[captures.Count];
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < captures.Count; i++)
        {
            var due = start + (long)(i * ticksPerRequest);
            while (Stopwatch.GetTimestamp() < due)
            {
                await Task.Delay(1);
            }

            sends[i] = Outcome.SendAsync(client, url, captures[i], due, acknowledges);
        }

        var outcomes = await Task.WhenAll(sends);
        return LoadResult.Of(outcomes, Stopwatch.GetElapsedTime(start));
    }
}
