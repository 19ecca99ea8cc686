namespace CustomerPulseBot.DigestBench;

/// <summary>
/// What the fakes saw from the due minute on, held against the subscriptions: one post per subscription and
/// occurrence is right, a second is a duplicate, none is a miss. Each channel has one subscription and the run
/// one occurrence (daily, at the due minute), so a channel's posts are its subscription's posts for it.
/// </summary>
internal sealed record Delivery(
    int Subscriptions,
    int Posts,
    int Duplicates,
    int Misses,
    int Stray,
    int WithoutQuotes,
    TimeSpan? FirstAfterDue,
    TimeSpan? LastAfterDue,
    IReadOnlyDictionary<string, int> SlackRefused,
    IReadOnlyDictionary<string, int> TeamsRefused)
{
    public double PostsPerSecond => LastAfterDue is { TotalSeconds: > 0 } last ? Posts / last.TotalSeconds : 0;

    public static Delivery Of(IReadOnlyList<BenchWorkspace> fleet, DateTimeOffset due, Ledger slack, Ledger? teams)
    {
        var posts = slack.Posts.Concat(teams?.Posts ?? []).ToList();
        var marks = fleet.ToDictionary(w => w.ExternalId, w => w.QuoteMark);
        var perChannel = posts.GroupBy(p => (p.Workspace, p.Channel)).ToDictionary(g => g.Key, g => g.Count());
        var subscribed = fleet.SelectMany(w => w.Channels.Select(c => (w.ExternalId, c))).ToList();
        return new Delivery(
            subscribed.Count,
            posts.Count,
            subscribed.Sum(s => Math.Max(0, perChannel.GetValueOrDefault(s) - 1)),
            subscribed.Count(s => !perChannel.ContainsKey(s)),
            posts.Count - subscribed.Sum(s => perChannel.GetValueOrDefault(s)),
            posts.Count(p => !marks.TryGetValue(p.Workspace, out var mark) || !p.Body.Contains(mark, StringComparison.Ordinal)),
            posts.Count > 0 ? posts.Min(p => p.At) - due : null,
            posts.Count > 0 ? posts.Max(p => p.At) - due : null,
            slack.Refused,
            teams?.Refused ?? new Dictionary<string, int>());
    }

    public bool Passed => Duplicates == 0 && Misses == 0 && Stray == 0 && WithoutQuotes == 0;

    public static string Describe(IReadOnlyDictionary<string, int> refused) =>
        refused.Count == 0 ? "0" : $"{refused.Values.Sum()} ({string.Join(", ", refused.Select(r => $"{r.Value} {r.Key}"))})";
}
