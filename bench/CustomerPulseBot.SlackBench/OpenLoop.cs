using System.Diagnostics;
using CustomerPulseBot.Bench;

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

            sends[i] = SendAsync(client, url, captures[i], due, acknowledges);
        }

        var outcomes = await Task.WhenAll(sends);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var acked = outcomes.Where(o => o.Acknowledged).ToList();
        return new LoadResult(
            rate,
            outcomes.Length,
            [.. acked.Select(o => o.Quote)],
            acked.Count / elapsed.TotalSeconds,
            Timing.Of([.. outcomes.Select(o => o.Milliseconds)]));
    }

    private static async Task<Outcome> SendAsync(HttpClient client, Uri url, SignedCapture capture, long due, Func<string, bool> acknowledges)
    {
        try
        {
            using var request = capture.ToRequest(url);
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            return new Outcome(capture.Quote, response.IsSuccessStatusCode && acknowledges(body), Stopwatch.GetElapsedTime(due).TotalMilliseconds);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new Outcome(capture.Quote, false, Stopwatch.GetElapsedTime(due).TotalMilliseconds);
        }
    }

    private sealed record Outcome(string Quote, bool Acknowledged, double Milliseconds);
}

/// <summary>One target at one rate: what was sent, the quotes acknowledged, the rate achieved, and latency of every request.</summary>
internal sealed record LoadResult(int Rate, int Sent, IReadOnlyList<string> Acknowledged, double AchievedPerSecond, Timing Latency)
{
    public int Errors => Sent - Acknowledged.Count;
}
