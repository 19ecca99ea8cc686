using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CustomerPulseBot.DigestBench;

/// <summary>
/// A message a fake accepted: where it went, when, and the request as sent, to send again in the baseline; and which
/// host sent it, where the fake can tell.
/// </summary>
internal sealed record AcceptedPost(
    string Workspace, string Channel, DateTimeOffset At, Uri Url, string? Authorization, string ContentType, string Body, string Sender = "");

/// <summary>
/// What one fake platform let through and what it refused, with the limits it enforces. Posts and 429s count
/// from the last <see cref="Clear"/>, so the set-up before the due minute is not reported.
/// </summary>
internal sealed class Ledger(string refusal, params RateWindows[] limits)
{
    private readonly object gate = new();
    private readonly List<AcceptedPost> posts = [];
    private readonly Dictionary<string, int> refused = [];

    /// <summary>Off for the baseline: everything passes.</summary>
    public bool Enforce { get; set; } = true;

    public IReadOnlyList<RateWindows> Limits => limits;

    public IReadOnlyList<AcceptedPost> Posts
    {
        get
        {
            lock (gate)
            {
                return [.. posts];
            }
        }
    }

    public IReadOnlyDictionary<string, int> Refused
    {
        get
        {
            lock (gate)
            {
                return new Dictionary<string, int>(refused);
            }
        }
    }

    /// <summary>
    /// Lets a request through every limit keyed for it (by <paramref name="keys"/>, one per limit, in order; null
    /// skips that limit), or answers 429 with Retry-After in whole seconds, rounded up, as both platforms do, and the
    /// platform's error body.
    /// </summary>
    public IResult? Admit(HttpContext http, params string?[] keys)
    {
        var now = TimeProvider.System.GetTimestamp();
        lock (gate)
        {
            var waits = limits.Select((limit, i) => keys[i] is { } key && Enforce ? limit.Wait(key, now) : TimeSpan.Zero).ToArray();
            var longest = Array.IndexOf(waits, waits.Max());
            if (waits[longest] > TimeSpan.Zero)
            {
                refused[limits[longest].Name] = refused.GetValueOrDefault(limits[longest].Name) + 1;
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(waits[longest].TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return Results.Text(refusal, "application/json", statusCode: StatusCodes.Status429TooManyRequests);
            }

            for (var i = 0; i < limits.Length; i++)
            {
                if (keys[i] is { } key)
                {
                    limits[i].Pass(key, now);
                }
            }
        }

        return null;
    }

    /// <summary>Keeps the post; returns how many are kept now.</summary>
    public int Record(AcceptedPost post)
    {
        lock (gate)
        {
            posts.Add(post);
            return posts.Count;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            posts.Clear();
            refused.Clear();
        }
    }
}
