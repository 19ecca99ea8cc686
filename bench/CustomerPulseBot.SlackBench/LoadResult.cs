using System.Diagnostics;
using CustomerPulseBot.Bench;

namespace CustomerPulseBot.SlackBench;

/// <summary>One target in one phase: what was sent, the quotes acknowledged, the rate achieved, and latency of every request.</summary>
internal sealed record LoadResult(int Sent, IReadOnlyList<string> Acknowledged, double AchievedPerSecond, Timing Latency)
{
    public int Errors => Sent - Acknowledged.Count;

    public static LoadResult Of(IReadOnlyList<Outcome> outcomes, TimeSpan elapsed)
    {
        var acked = outcomes.Where(o => o.Acknowledged).ToList();
        return new LoadResult(
            outcomes.Count,
            [.. acked.Select(o => o.Quote)],
            acked.Count / elapsed.TotalSeconds,
            Timing.Of([.. outcomes.Select(o => o.Milliseconds)]));
    }
}

/// <summary>One request: its quote, whether the target acknowledged it, and its latency from <c>since</c>.</summary>
internal sealed record Outcome(string Quote, bool Acknowledged, double Milliseconds)
{
    public static async Task<Outcome> SendAsync(HttpClient client, Uri url, SignedCapture capture, long since, Func<string, bool> acknowledges)
    {
        try
        {
            using var request = capture.ToRequest(url);
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            return new Outcome(capture.Quote, response.IsSuccessStatusCode && acknowledges(body), Stopwatch.GetElapsedTime(since).TotalMilliseconds);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new Outcome(capture.Quote, false, Stopwatch.GetElapsedTime(since).TotalMilliseconds);
        }
    }
}
