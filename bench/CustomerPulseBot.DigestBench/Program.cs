using CustomerPulseBot.Bench.Shared;
using CustomerPulseBot.DigestBench;
using Microsoft.Data.Sqlite;
using Npgsql;

// 1,000 digest subscriptions in 50 workspaces (half Slack, half Teams) due in the same minute, delivered by the real
// host through Hangfire to fake Slack and Connector servers that hold it to the platforms' rate limits.
// Usage: [--postgres "<connection string>"] [--store sqlite|postgres|both] [--workspaces 50] [--channels 20] ...
var options = DigestBenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project bench/CustomerPulseBot.DigestBench -- [--postgres "<connection string>"] [--store sqlite|postgres|both]
                                                                                     [--workspaces 50] [--channels 20] [--signals 3]
                                                                                     [--lead 30] [--settle 15] [--timeout 300]
          --postgres    a server where the role may create databases: each run gets a new one, dropped at the end.
                        Given, --store defaults to both; without it, to sqlite (a new file; Hangfire.InMemory).
          --workspaces  half Slack teams, half Teams tenants; --channels each, one digest per channel; --signals captured in each.
          --lead        seconds at least between the start of subscribing and the due minute (subscribing must end before it).
          --settle      seconds to keep counting after every subscription has its post, for late duplicates.
          --timeout     seconds after the due minute before a subscription without a post counts as missed.
        """);
    return 2;
}

var run = Guid.NewGuid().ToString("N")[..6];
var subscriptions = options.Workspaces * options.Channels;
Console.WriteLine($"Run {run}: {subscriptions} digests in {options.Workspaces} workspaces of {options.Channels} channels, load average {Machine.LoadAverage()}");
Console.WriteLine($"Host {HostProcess.WebHostPath}");
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
    var server = new NpgsqlConnectionStringBuilder(options.Postgres);
    var database = $"{server.Database}_digestbench_{run}";
    await ExecuteAsync(server.ConnectionString, $"CREATE DATABASE {database}");
    try
    {
        var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database }.ConnectionString;
        results.Add(await DigestRun.RunAsync(
            "PostgreSQL", [new("Storage:Provider", "postgres"), new("ConnectionStrings:Pulse", connectionString)], () => new NpgsqlConnection(connectionString), options, run));
    }
    finally
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(server.ConnectionString, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
    }
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

static async Task ExecuteAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

internal sealed record DigestBenchOptions(
    string? Postgres, string Store, int Workspaces, int Channels, int Signals, int LeadSeconds, int SettleSeconds, int TimeoutSeconds)
{
    public static DigestBenchOptions? Parse(string[] args)
    {
        var options = new DigestBenchOptions(null, "", 50, 20, 3, 30, 15, 300);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var number = int.TryParse(args[i + 1], out var n) && n > 0 ? n : 0;
            options = (args[i], number) switch
            {
                ("--postgres", _) => options with { Postgres = args[i + 1] },
                ("--store", _) when args[i + 1] is "sqlite" or "postgres" or "both" => options with { Store = args[i + 1] },
                ("--workspaces", >= 2) => options with { Workspaces = number },
                ("--channels", > 0) => options with { Channels = number },
                ("--signals", > 0) => options with { Signals = number },
                ("--lead", > 0) => options with { LeadSeconds = number },
                ("--settle", > 0) => options with { SettleSeconds = number },
                ("--timeout", > 0) => options with { TimeoutSeconds = number },
                _ => null,
            };
            if (options is null)
            {
                return null;
            }
        }

        options = options with { Store = options.Store is "" ? options.Postgres is null ? "sqlite" : "both" : options.Store };
        return args.Length % 2 == 0 && (options.Store == "sqlite" || options.Postgres is not null) ? options : null;
    }
}
