using CustomerPulseBot.Bench.Shared;
using Npgsql;

namespace CustomerPulseBot.DigestBench;

/// <summary>
/// The fault mode (<c>--hosts 2 --kill-one</c>): two real hosts on one PostgreSQL database, sharing its Hangfire schedule
/// and queue, Slack workspaces only, every digest due in the same minute. The fake answers each chat.postMessage
/// <c>--post-delay</c> after the message is in its channel, and the host that sends the <c>--kill-after</c>'th post is
/// killed (SIGKILL) the moment that post arrives: it dies with that post, and any others it had sent, in their channels
/// and unanswered, its claims and its Hangfire jobs held. What counts is what the other host then makes of them.
/// </summary>
internal static class FaultRun
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    public static async Task<FaultResult> RunAsync(string connectionString, DigestBenchOptions options, string run)
    {
        await using var slack = await LimitedSlackApi.StartAsync(TimeSpan.FromMilliseconds(options.PostDelayMs));
        await using var teams = await LimitedConnector.StartAsync(); // this run has no Teams workspace; the set-up checks so
        var fleet = Fleet.Create(run, options.Workspaces, options.Channels, options.Signals, slackOnly: true);
        var hosts = new Dictionary<string, HostProcess>();
        try
        {
            foreach (var name in Enumerable.Range(0, options.Hosts).Select(i => ((char)('a' + i)).ToString()))
            {
                hosts[name] = await HostProcess.StartAsync($"host {name}",
                [
                    new("Storage:Provider", "postgres"),
                    new("ConnectionStrings:Pulse", connectionString),
                    new("Hangfire:ServerName", $"host-{name}"),
                    .. DigestRun.Settings(slack.ApiBaseUrlFor(name)),
                ]);
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            var setup = new FleetSetup(hosts["a"], http, DigestRun.SigningSecret, teams.ServiceUrl, $"28:{DigestRun.AppId}");
            var due = await DigestRun.SubscribeFleetAsync($"PostgreSQL, {options.Hosts} hosts", setup, fleet, teams, options);

            slack.Ledger.Clear();
            Kill? kill = null;
            if (options.KillOne)
            {
                // Called as the post arrives, before it is answered: the host dies with it in its channel.
                slack.Accepted = (post, count) =>
                {
                    if (count == options.KillAfter)
                    {
                        hosts[post.Sender].Kill();
                        kill = new Kill(post.Sender, DateTimeOffset.UtcNow - due, count);
                    }
                };
            }

            var (delivery, recorded) = await WatchAsync(fleet, due, slack.Ledger, () => new NpgsqlConnection(connectionString), options);
            var bySender = slack.Ledger.Posts.GroupBy(p => p.Sender).ToDictionary(g => g.Key, g => (g.Count(), slack.Answered(g.Key)));
            return new FaultResult(delivery, recorded, due, kill, bySender);
        }
        finally
        {
            foreach (var host in hosts.Values)
            {
                await host.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Waits until every subscription has a post and the database records every one delivered (or the timeout): a post
    /// the dead host made is in its channel long before the other host settles it, by finding it or by posting again.
    /// Then <c>--settle</c> seconds more for anything late.
    /// </summary>
    private static async Task<(Delivery, RecordedDeliveries)> WatchAsync(
        IReadOnlyList<BenchWorkspace> fleet, DateTimeOffset due, Ledger slack, Func<NpgsqlConnection> database, DigestBenchOptions options)
    {
        var giveUp = due + TimeSpan.FromSeconds(options.TimeoutSeconds);
        while (DateTimeOffset.UtcNow < giveUp)
        {
            var delivery = Delivery.Of(fleet, due, slack, null);
            var recorded = await RecordedDeliveries.ReadAsync(database());
            if (delivery.Misses == 0 && recorded.Delivered == delivery.Subscriptions)
            {
                break;
            }

            await Task.Delay(Poll);
        }

        await Task.Delay(TimeSpan.FromSeconds(options.SettleSeconds));
        return (Delivery.Of(fleet, due, slack, null), await RecordedDeliveries.ReadAsync(database()));
    }
}

/// <summary>Which host was killed, how long after the due minute, and on which post.</summary>
internal sealed record Kill(string Host, TimeSpan AfterDue, int OnPost);

/// <summary>
/// The fault run's figures: the posts as Slack saw them (in all and answered, by host), the deliveries as the database
/// records them, and the kill.
/// </summary>
internal sealed record FaultResult(
    Delivery Delivery, RecordedDeliveries Recorded, DateTimeOffset Due, Kill? Kill, IReadOnlyDictionary<string, (int Posts, int Answered)> PostsByHost)
{
    /// <summary>The bar: no duplicate, no miss, the last post within two minutes of the due minute.</summary>
    public static readonly TimeSpan LastPostWithin = TimeSpan.FromSeconds(120);

    public bool Passed =>
        Delivery is { Duplicates: 0, Misses: 0, Stray: 0, WithoutQuotes: 0, LastAfterDue: { } last } && last <= LastPostWithin
        && Recorded.Delivered == Delivery.Subscriptions && Recorded.Rows == Recorded.Delivered;
}
