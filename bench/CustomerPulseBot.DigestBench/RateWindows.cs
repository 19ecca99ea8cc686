namespace CustomerPulseBot.DigestBench;

/// <summary>
/// One platform rate limit as a sliding-window log per key: a request passes only if, in each window, fewer
/// than that window's limit passed in the span before it. Unlike fixed or segmented windows there is no edge
/// to slip through, so a sender that spaces its requests loosely is caught. Not thread-safe: the fakes call it
/// under their own lock, so that a request passes every limit that applies to it or none.
/// </summary>
internal sealed class RateWindows(string name, params (int Limit, TimeSpan Span)[] windows)
{
    private readonly Dictionary<string, Queue<long>> passed = [];
    private readonly TimeSpan longest = windows.Max(w => w.Span);

    /// <summary>How the limit is reported, e.g. "per channel".</summary>
    public string Name => name;

    /// <summary>Zero when a request for <paramref name="key"/> may pass at <paramref name="now"/>; else how long until it may.</summary>
    public TimeSpan Wait(string key, long now)
    {
        if (!passed.TryGetValue(key, out var times))
        {
            return TimeSpan.Zero;
        }

        while (times.Count > 0 && Elapsed(times.Peek(), now) >= longest)
        {
            times.Dequeue();
        }

        var wait = TimeSpan.Zero;
        var sorted = times.ToArray(); // oldest first
        foreach (var (limit, span) in windows)
        {
            var inWindow = sorted.Where(t => Elapsed(t, now) < span).ToArray();
            if (inWindow.Length >= limit)
            {
                // Room comes when the oldest request that makes the window full leaves it.
                var leaving = inWindow[inWindow.Length - limit];
                wait = TimeSpan.FromTicks(Math.Max(wait.Ticks, (span - Elapsed(leaving, now)).Ticks));
            }
        }

        return wait;
    }

    public void Pass(string key, long now)
    {
        if (!passed.TryGetValue(key, out var times))
        {
            passed[key] = times = new Queue<long>();
        }

        times.Enqueue(now);
    }

    public void Clear() => passed.Clear();

    public override string ToString() =>
        $"{string.Join(", ", windows.Select(w => $"{w.Limit}/{Describe(w.Span)}"))} {name}";

    private static TimeSpan Elapsed(long from, long now) => TimeProvider.System.GetElapsedTime(from, now);

    private static string Describe(TimeSpan span) => span.TotalMinutes >= 1 ? $"{span.TotalMinutes:0} min" : $"{span.TotalSeconds:0} s";
}
