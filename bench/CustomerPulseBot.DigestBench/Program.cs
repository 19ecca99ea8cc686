using CustomerPulseBot.Bench.Shared;
using CustomerPulseBot.DigestBench;
using Microsoft.Data.Sqlite;
using Npgsql;

// 1,000 digest subscriptions in 50 workspaces (half Slack, half Teams) due in the same minute, delivered by the real
// host through Hangfire to fake Slack and Connector servers that hold it to the platforms' rate limits. With --hosts 2
// --kill-one: two hosts on one PostgreSQL database, and the one that is posting killed mid-post.
// Usage: [--postgres "<connection string>"] [--store sqlite|postgres|both] [--workspaces 50] [--channels 20] ...
var options = DigestBenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project bench/CustomerPulseBot.DigestBench -- [--postgres "<connection string>"] [--store sqlite|postgres|both]
                                                                                     [--workspaces 50] [--channels 20] [--signals 3]
                                                                                     [--lead 30] [--settle 15] [--timeout 300]
                                                                                     [--hosts 2 [--kill-one] [--kill-after 10] [--post-delay 2000]]
          --postgres    a server where the role may create databases: each run gets a new one, dropped at the end.
                        Given, --store defaults to both; without it, to sqlite (a new file; Hangfire.InMemory).
          --workspaces  half Slack teams, half Teams tenants; --channels each, one digest per channel; --signals captured in each.
          --lead        seconds at least between the start of subscribing and the due minute (subscribing must end before it).
          --settle      seconds to keep counting after every subscription has its post, for late duplicates.
          --timeout     seconds after the due minute before a subscription without a post counts as missed.
          --hosts 2     the fault mode: two hosts on one PostgreSQL database (--postgres required), Slack workspaces only,
                        5 workspaces of 10 channels unless given; --kill-one kills (SIGKILL) the host that sends the
                        --kill-after'th post as that post arrives; the fake Slack answers each post --post-delay ms after
                        the message is in its channel. Exit 0 only with no duplicate, no miss and the last post within 120 s.
        """);
    return 2;
}

var run = Guid.NewGuid().ToString("N")[..6];
var subscriptions = options.Workspaces * options.Channels;
Console.WriteLine($"Run {run}: {subscriptions} digests in {options.Workspaces} workspaces of {options.Channels} channels, load average {Machine.LoadAverage()}");
Console.WriteLine($"Host {HostProcess.WebHostPath}");
if (options.Hosts > 1)
{
    Console.WriteLine($"Fault mode: {options.Hosts} hosts on one PostgreSQL database, Slack only; chat.postMessage answered {options.PostDelayMs} ms after " +
        (options.KillOne ? $"it is accepted; the host that sends post {options.KillAfter} is killed as it arrives" : "it is accepted; no host is killed"));
    var fault = await ScratchDatabase.WithAsync(options.Postgres!, $"digestbench_{run}", connectionString => FaultRun.RunAsync(connectionString, options, run)); // Parse requires it
    var (d, recorded) = (fault.Delivery, fault.Recorded);
    Console.WriteLine($"Load average at the end: {Machine.LoadAverage()}");
    Console.WriteLine();
    Console.WriteLine(fault.Kill is { } kill
        ? $"host {kill.Host} killed at {Seconds(kill.AfterDue)} after the due minute ({fault.Due:HH:mm} UTC), as post {kill.OnPost} (its own) arrived"
        : "no host killed");
    Console.WriteLine($"posts by host: {string.Join(", ", fault.PostsByHost.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value.Posts} ({p.Value.Answered} answered)"))}; " +
        $"first {Seconds(d.FirstAfterDue)}, last {Seconds(d.LastAfterDue)} after the due minute");
    Console.WriteLine($"{d.Stray} posts to channels without a subscription, {d.WithoutQuotes} without the workspace's fresh quotes");
    Console.WriteLine($"database: {recorded}; the last recorded at {Seconds(recorded.LastDeliveredAt - fault.Due)} after the due minute");
    Console.WriteLine($"digests: posted {d.Posts}, duplicates {d.Duplicates}, misses {d.Misses}, last +{d.LastAfterDue?.TotalSeconds ?? 0:F1} s");
    return fault.Passed ? 0 : 1;
}

Console.WriteLine($"Fake Slack: chat.postMessage at most 1/1 s per channel, {LimitedSlackApi.PerWorkspacePerMinute}/1 min per workspace");
Console.WriteLine($"Fake Connector: 7/1 s, 8/2 s, 60/30 s, 1800/1 h per thread; {LimitedConnector.PerTenantPerSecond}/1 s per tenant");
// One post per channel, so the per-channel and per-thread limits never bind; the workspace caps may.
var slackFloor = TimeSpan.FromMinutes(Math.Ceiling((double)options.Channels / LimitedSlackApi.PerWorkspacePerMinute) - 1);
var teamsFloor = TimeSpan.FromSeconds(Math.Ceiling((double)options.Channels / LimitedConnector.PerTenantPerSecond) - 1);
Console.WriteLine($"The least time these limits allow from the first post to the last: {Seconds(slackFloor > teamsFloor ? slackFloor : teamsFloor)}");

var results = new List<RunResult>();
if (options.Store is "sqlite" or "both")
{
    var file = Path.Combine(Path.GetTempPath(), $"pulse-digestbench-{run}.db");
    try
    {
        results.Add(await DigestRun.RunAsync(
            "SQLite", [new("Storage:Provider", "sqlite"), new("Storage:SqlitePath", file)], () => new SqliteConnection($"Data Source={file};Mode=ReadOnly"), options, run));
    }
    finally
    {
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }
}

if (options.Store is "postgres" or "both")
{
    results.Add(await ScratchDatabase.WithAsync(options.Postgres!, $"digestbench_{run}", connectionString => DigestRun.RunAsync( // Parse requires it for postgres
        "PostgreSQL", [new("Storage:Provider", "postgres"), new("ConnectionStrings:Pulse", connectionString)], () => new NpgsqlConnection(connectionString), options, run)));
}

Console.WriteLine($"Load average at the end: {Machine.LoadAverage()}");
Console.WriteLine();
Console.WriteLine($"{"store",-10} {"posts",5} {"first",7} {"last",7} {"posts/s",7} {"loop",7} {"last/loop",9} {"dup",4} {"miss",4} {"429 Slack",-24} {"429 Teams",-24}");
foreach (var (store, d, recorded, baseline) in results)
{
    Console.WriteLine(
        $"{store,-10} {d.Posts,5} {Seconds(d.FirstAfterDue),7} {Seconds(d.LastAfterDue),7} {d.PostsPerSecond,7:F1} {baseline.TotalSeconds,5:F2} s " +
        $"{(d.LastAfterDue is { } last ? $"{last / baseline:F0}x" : "-"),9} {d.Duplicates,4} {d.Misses,4} {Delivery.Describe(d.SlackRefused),-24} {Delivery.Describe(d.TeamsRefused),-24}");
    Console.WriteLine($"{"",-10} {d.Stray} posts to channels without a subscription, {d.WithoutQuotes} without the workspace's fresh quotes; database: {recorded}");
}

Console.WriteLine("""
    first, last: seconds from the due minute to the first and the last accepted post. loop: the same posts sent again
    one after another by a plain loop to the fakes with their limits off. dup: posts beyond one per subscription.
    miss: subscriptions with no post.
    """);
return results.All(r => r.Passed) ? 0 : 1;

static string Seconds(TimeSpan? span) => span is { } s ? $"{s.TotalSeconds:F1} s" : "-";

internal sealed record DigestBenchOptions(
    string? Postgres, string Store, int Workspaces, int Channels, int Signals, int LeadSeconds, int SettleSeconds, int TimeoutSeconds,
    int Hosts, bool KillOne, int KillAfter, int PostDelayMs)
{
    public static DigestBenchOptions? Parse(string[] args)
    {
        // Given values by name; the fault mode (--hosts 2) has defaults of its own and takes options the other mode does not.
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        var killOne = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--kill-one")
            {
                killOne = true;
            }
            else if (i + 1 < args.Length && args[i].StartsWith("--", StringComparison.Ordinal) && given.TryAdd(args[i][2..], args[i + 1]))
            {
                i++;
            }
            else
            {
                return null;
            }
        }

        int? Number(string name, int min, int max) =>
            given.Remove(name, out var text) ? int.TryParse(text, out var n) && n >= min && n <= max ? n : -1 : null;

        var hosts = Number("hosts", 1, 2) ?? 1;
        var fault = hosts == 2;
        given.Remove("postgres", out var postgres);
        given.Remove("store", out var store);
        var options = new DigestBenchOptions(
            postgres,
            store ?? (fault ? "postgres" : postgres is null ? "sqlite" : "both"),
            Number("workspaces", 2, 10_000) ?? (fault ? 5 : 50),
            Number("channels", 1, 10_000) ?? (fault ? 10 : 20),
            Number("signals", 1, 1_000) ?? 3,
            Number("lead", 1, 3_600) ?? 30,
            Number("settle", 1, 3_600) ?? 15,
            Number("timeout", 1, 3_600) ?? 300,
            hosts,
            killOne,
            (fault ? Number("kill-after", 1, 1_000_000) : null) ?? 10,
            (fault ? Number("post-delay", 0, 60_000) : null) ?? (fault ? 2_000 : 0));
        var numbers = new[] { options.Hosts, options.Workspaces, options.Channels, options.Signals, options.LeadSeconds, options.SettleSeconds, options.TimeoutSeconds, options.KillAfter, options.PostDelayMs };
        var valid = given.Count == 0 // nothing unknown, nothing of the fault mode outside it
            && numbers.All(n => n >= 0)
            && options.Store is "sqlite" or "postgres" or "both"
            && (options.Store == "sqlite" || postgres is not null)
            && (!killOne || fault)
            && (!fault || (options.Store == "postgres" && options.KillAfter <= options.Workspaces * options.Channels));
        return valid ? options : null;
    }
}
