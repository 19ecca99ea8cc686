using System.Diagnostics;
using System.Net.Http.Headers;

namespace CustomerPulseBot.DigestBench;

/// <summary>
/// The baseline: the posts the host delivered, byte for byte, sent again one after another by a plain loop to the
/// same fakes with their limits off. What is left is loopback HTTP and the fakes themselves; what the host adds
/// on top is scheduling, the claim, composing each digest, rendering and pacing.
/// </summary>
internal static class PlainLoop
{
    public static async Task<TimeSpan> SendAsync(HttpClient http, IReadOnlyList<AcceptedPost> posts, params Ledger[] ledgers)
    {
        foreach (var ledger in ledgers)
        {
            ledger.Enforce = false;
        }

        var start = Stopwatch.GetTimestamp();
        foreach (var post in posts)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, post.Url)
            {
                Content = new StringContent(post.Body, MediaTypeHeaderValue.Parse(post.ContentType)),
            };
            if (post.Authorization is { } authorization)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }

        return Stopwatch.GetElapsedTime(start);
    }
}
