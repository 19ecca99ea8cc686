using System.Diagnostics;

namespace CustomerPulseBot.SlackBench;

/// <summary>
/// A closed-loop load, as wrk makes it: each of <c>connections</c> clients sends its next capture as soon as the
/// answer to the previous one has arrived, for the given time. It finds how many captures a second the target
/// completes at that concurrency; the latency of each request counts from when it was sent.
/// </summary>
internal static class ClosedLoop
{
    public static async Task<(Outcome[] Outcomes, TimeSpan Elapsed)> RunAsync(
        HttpClient client, Uri url, Func<SignedCapture> next, int connections, TimeSpan duration, Func<string, bool> acknowledges)
    {
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var clients = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var outcomes = new List<Outcome>();
            while (Stopwatch.GetTimestamp() < end)
            {
                var capture = next();
                outcomes.Add(await Outcome.SendAsync(client, url, capture, Stopwatch.GetTimestamp(), acknowledges));
            }

            return outcomes;
        }));
        var all = await Task.WhenAll(clients);
        return ([.. all.SelectMany(o => o)], Stopwatch.GetElapsedTime(start));
    }
}
