using CustomerPulseBot.Bench.Shared;
using CustomerPulseBot.SlackBench;

// Signed /pulse captures over loopback at rising rates, open loop, against the real host on SQLite and on
// PostgreSQL, side by side with a bare Kestrel endpoint that answers 200; then, with the hosts killed, every
// acknowledged capture is looked up in its database.
// Usage: --postgres "<connection string>" --sqlite <file> [--rates 100,250,500,750] [--seconds 10]
var options = SlackBenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project bench/CustomerPulseBot.SlackBench -- [--postgres "<connection string>"] [--sqlite <file>]
                                                                                    [--rates 100,250,500,750] [--seconds 10]
          --postgres  an existing database (it is migrated); fsync should be on, the claim is durability.
          --rates     captures per second, one phase of --seconds per rate and target.
        """);
    return 2;
}

const string Secret = "slack_bench_signing_secret";
const int WarmUpRate = 100;
const int WarmUpSeconds = 10;
var run = Guid.NewGuid().ToString("N")[..8];
var team = $"TBENCH{run.ToUpperInvariant()}";
Console.WriteLine($"Run {run} (team {team}), load average {Machine.LoadAverage()}, host {HostProcess.WebHostPath}");

await using var bare = await BareServer.StartAsync();
var slack = new Dictionary<string, string>
{
    ["Slack:SigningSecret"] = Secret,
    ["Slack:BotToken"] = "xoxb-bench",
    ["Slack:TeamId"] = team,
    ["Slack:ApiBaseUrl"] = bare.ApiBaseUrl,
};
var hosts = new List<HostProcess>();
var targets = new List<Target> { new("bare 200", bare.Bare, _ => true, null) };
var results = new List<(Target Target, LoadResult Result)>();
try
{
    if (options.Sqlite is { } file)
    {
        var path = Path.GetFullPath(file);
        var host = await HostProcess.StartAsync("sqlite", [.. slack, new("Storage:Provider", "sqlite"), new("Storage:SqlitePath", path)]);
        hosts.Add(host);
        targets.Add(new("SQLite", host.Commands, Saved, () => StoredQuotes.SqliteAsync(path, team)));
    }

    if (options.Postgres is { } connectionString)
    {
        var host = await HostProcess.StartAsync("postgres", [.. slack, new("Storage:Provider", "postgres"), new("ConnectionStrings:Pulse", connectionString)]);
        hosts.Add(host);
        targets.Add(new("PostgreSQL", host.Commands, Saved, () => StoredQuotes.PostgresAsync(connectionString, team)));
    }

    using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };
    var sequence = 0;
    List<SignedCapture> Captures(int count) =>
        [.. Enumerable.Range(0, count).Select(_ => SignedCapture.Create(Secret, team, run, sequence++, DateTimeOffset.UtcNow))];

    // Connections, prepared statements and the tiered JIT settle here, as in a host that has run a while;
    // these captures are checked but not reported.
    foreach (var target in targets)
    {
        results.Add((target, await OpenLoop.RunAsync(client, target.Url, Captures(WarmUpRate * WarmUpSeconds), WarmUpRate, target.Acknowledges)));
    }

    Console.WriteLine($"{"rate/s",7} {"target",-11} {"sent",6} {"acked",6} {"errors",6} {"achieved/s",10} {"p50 ms",8} {"p99 ms",8} {"p99/bare",8}");
    foreach (var rate in options.Rates)
    {
        double? bareP99 = null;
        foreach (var target in targets)
        {
            var result = await OpenLoop.RunAsync(client, target.Url, Captures(rate * options.Seconds), rate, target.Acknowledges);
            results.Add((target, result));
            bareP99 ??= result.Latency.P99;
            Console.WriteLine($"{rate,7} {target.Name,-11} {result.Sent,6} {result.Acknowledged.Count,6} {result.Errors,6} " +
                              $"{result.AchievedPerSecond,10:F0} {result.Latency.P50,8:F2} {result.Latency.P99,8:F2} {result.Latency.P99 / bareP99,7:F1}x");
        }
    }

    Console.WriteLine($"Load average after the phases: {Machine.LoadAverage()}");
}
finally
{
    foreach (var host in hosts)
    {
        await host.DisposeAsync();
    }
}

var lost = 0;
foreach (var target in targets.Where(t => t.StoredQuotes is not null))
{
    var acknowledged = results.Where(r => r.Target == target).SelectMany(r => r.Result.Acknowledged).ToList();
    var stored = await target.StoredQuotes!(); // the where above
    var missing = acknowledged.Count(q => !stored.Contains(q));
    lost += missing;
    Console.WriteLine($"{target.Name}: {acknowledged.Count} captures acknowledged, {stored.Count} stored for the team, " +
                      $"{missing} acknowledged but not found (host killed before counting)");
}

return lost == 0 ? 0 : 1;

static bool Saved(string body) => body.Contains("Saved as a customer signal", StringComparison.Ordinal);

/// <summary>Where captures go and, for a real host, what counts as an acknowledgement and how to find what it stored.</summary>
internal sealed record Target(string Name, Uri Url, Func<string, bool> Acknowledges, Func<Task<HashSet<string>>>? StoredQuotes);

internal sealed record SlackBenchOptions(string? Postgres, string? Sqlite, IReadOnlyList<int> Rates, int Seconds)
{
    public static SlackBenchOptions? Parse(string[] args)
    {
        var options = new SlackBenchOptions(null, null, [100, 250, 500, 750], 10);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--postgres" => options with { Postgres = args[i + 1] },
                "--sqlite" => options with { Sqlite = args[i + 1] },
                "--rates" when ParseRates(args[i + 1]) is { } rates => options with { Rates = rates },
                "--seconds" when int.TryParse(args[i + 1], out var n) && n > 0 => options with { Seconds = n },
                _ => null,
            };
            if (options is null)
            {
                return null;
            }
        }

        return args.Length % 2 == 0 && (options.Postgres is not null || options.Sqlite is not null) ? options : null;
    }

    private static List<int>? ParseRates(string text)
    {
        var rates = text.Split(',').Select(r => int.TryParse(r, out var n) && n > 0 ? n : 0).ToList();
        return rates.Count > 0 && rates.All(r => r > 0) ? rates : null;
    }
}
