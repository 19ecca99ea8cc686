using System.Data.Common;
using System.Diagnostics;
using CustomerPulseBot.Bench.Shared;

namespace CustomerPulseBot.DigestBench;

/// <summary>
/// One store's run: fakes for Slack and the Connector, the real host as its own process, the fleet set up through
/// the host, every digest scheduled for the same whole minute; then what the fakes saw from that minute on, and
/// the plain-loop baseline.
/// </summary>
internal static class DigestRun
{
    public const string SigningSecret = "digest_bench_signing_secret";
    public const string AppId = "00000000-0000-0000-0000-00000000d16e";
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    /// <summary>Subscribing must end this long before the due minute, so that no job is added late.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    public static async Task<RunResult> RunAsync(
        string store, IEnumerable<KeyValuePair<string, string>> storage, Func<DbConnection> database, DigestBenchOptions options, string run)
    {
        await using var slack = await LimitedSlackApi.StartAsync();
        await using var teams = await LimitedConnector.StartAsync();
        var fleet = Fleet.Create(run, options.Workspaces, options.Channels, options.Signals);
        foreach (var workspace in fleet.Where(w => w.Platform == ChatPlatform.Teams))
        {
            foreach (var channel in workspace.Channels)
            {
                teams.AddConversation(channel, workspace.ExternalId);
            }
        }

        await using var host = await HostProcess.StartAsync(store, [.. storage, .. Settings(slack.ApiBaseUrl)]);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var due = await SubscribeFleetAsync(store, new FleetSetup(host, http, SigningSecret, teams.ServiceUrl, $"28:{AppId}"), fleet, teams, options);

        // From here on the fakes count only the digests.
        slack.Ledger.Clear();
        teams.Ledger.Clear();
        var delivery = await WatchAsync(fleet, due, slack, teams, options);
        var recorded = await RecordedDeliveries.ReadAsync(database());
        var baseline = await PlainLoop.SendAsync(http, [.. slack.Ledger.Posts, .. teams.Ledger.Posts], slack.Ledger, teams.Ledger);
        return new RunResult(store, delivery, recorded, baseline);
    }

    /// <summary>
    /// Installs the fleet, captures its signals and subscribes every channel through the host, for the next whole minute
    /// at least <c>--lead</c> seconds after subscribing starts; returns that minute.
    /// </summary>
    public static async Task<DateTimeOffset> SubscribeFleetAsync(
        string store, FleetSetup setup, IReadOnlyList<BenchWorkspace> fleet, LimitedConnector teams, DigestBenchOptions options)
    {
        var clock = Stopwatch.StartNew();
        await setup.InstallAsync(fleet);
        await setup.CaptureAsync(fleet);
        var earliest = DateTimeOffset.UtcNow.AddSeconds(options.LeadSeconds);
        var due = new DateTimeOffset((earliest.UtcTicks + TimeSpan.TicksPerMinute - 1) / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero);
        Console.WriteLine($"  {store}: installed and captured in {clock.Elapsed.TotalSeconds:F0} s; subscribing every channel for {due:HH:mm} UTC");
        clock.Restart();
        await setup.SubscribeAsync(fleet, due);
        var scheduled = teams.Ledger.Posts.Count(p => p.Body.Contains("Digest scheduled", StringComparison.Ordinal));
        var teamsChannels = fleet.Where(w => w.Platform == ChatPlatform.Teams).Sum(w => w.Channels.Count);
        if (scheduled != teamsChannels)
        {
            throw new InvalidOperationException($"Teams confirmed {scheduled} of {teamsChannels} digest subscriptions");
        }

        Console.WriteLine($"  {store}: {fleet.Sum(w => w.Channels.Count)} digests subscribed in {clock.Elapsed.TotalSeconds:F0} s");
        if (DateTimeOffset.UtcNow > due - Margin)
        {
            throw new InvalidOperationException($"Subscribing ended after {due - Margin:HH:mm:ss}: run again with a longer --lead than {options.LeadSeconds} s");
        }

        return due;
    }

    /// <summary>
    /// Waits until every subscription has a post (or the timeout), then <c>--settle</c> seconds more for
    /// duplicates that a retry or a second run would post late.
    /// </summary>
    private static async Task<Delivery> WatchAsync(
        IReadOnlyList<BenchWorkspace> fleet, DateTimeOffset due, LimitedSlackApi slack, LimitedConnector teams, DigestBenchOptions options)
    {
        var giveUp = due + TimeSpan.FromSeconds(options.TimeoutSeconds);
        while (DateTimeOffset.UtcNow < giveUp && Delivery.Of(fleet, due, slack.Ledger, teams.Ledger).Misses > 0)
        {
            await Task.Delay(Poll);
        }

        await Task.Delay(TimeSpan.FromSeconds(options.SettleSeconds));
        return Delivery.Of(fleet, due, slack.Ledger, teams.Ledger);
    }

    /// <summary>The host's settings for a run against the fakes, its Slack Web API at <paramref name="slackApiBaseUrl"/>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Settings(string slackApiBaseUrl) =>
    [
        // Teams:AllowUnauthenticatedLocal lets the bot talk to a Connector on 127.0.0.1 without Entra; the host
        // allows it in Development only.
        new("ASPNETCORE_ENVIRONMENT", "Development"),
        new("Logging:LogLevel:CustomerPulseBot", "Warning"),
        // The outbound policy logs each retry itself; Polly's own three lines for each add nothing.
        new("Logging:LogLevel:Polly", "Error"),
        new("Playground:Enabled", "false"),
        new("Slack:SigningSecret", SigningSecret),
        new("Slack:ClientId", "bench.client"),
        new("Slack:ClientSecret", "bench-client-secret"),
        new("Slack:RedirectUrl", "http://127.0.0.1/slack/oauth/callback"),
        new("Slack:ApiBaseUrl", slackApiBaseUrl),
        new("Teams:AppId", AppId),
        new("Teams:AppPassword", "bench-app-password"),
        new("Teams:AllowUnauthenticatedLocal", "true"),
    ];
}

/// <summary>One store's figures: the delivery as the fakes saw it and as the host recorded it, and the plain loop's time for the same posts.</summary>
internal sealed record RunResult(string Store, Delivery Delivery, RecordedDeliveries Recorded, TimeSpan Baseline)
{
    public bool Passed => Delivery.Passed && Recorded.Delivered == Delivery.Subscriptions && Recorded.Rows == Recorded.Delivered;
}
