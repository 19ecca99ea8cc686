using CustomerPulseBot.Bench.Shared;
using CustomerPulseBot.SlackBench;

// Signed /pulse captures over loopback against the real host on SQLite and on PostgreSQL, side by side with two
// baselines in the bench's own process: a bare Kestrel endpoint that answers 200, and one that checks the same
// signed form and commits one INSERT in the PostgreSQL database. Open loop at rising rates, or closed loop at a
// fixed number of connections; then, with the hosts killed, every acknowledged capture is looked up in its database.
// Usage: --postgres "<connection string>" --sqlite <file> [--rates 100,250,500,750] [--seconds 10] [--closed 16 [--rounds 3]]
var options = SlackBenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project bench/CustomerPulseBot.SlackBench -- [--postgres "<connection string>"] [--sqlite <file>]
                                                                                    [--rates 100,250,500,750] [--seconds 10] [--closed 16 [--rounds 3]]
          --postgres  an existing database (it is migrated) on a server with fsync on: the claim is durability.
          --rates     open loop: captures per second, one phase of --seconds per rate and target.
          --closed    closed loop instead: this many connections, each sending its next capture when the answer to
                      the last arrived, for --seconds per target in each of --rounds rounds (the targets take turns).
        """);
    return 2;
}

const string Secret = "slack_bench_signing_secret";
const int WarmUpRate = 100;
const int WarmUpSeconds = 10;
var run = Guid.NewGuid().ToString("N")[..8];
var team = $"TBENCH{run.ToUpperInvariant()}";
Console.WriteLine($"Run {run} (team {team}), load average {Machine.LoadAverage()}, host {HostProcess.WebHostPath}");

DurableInsert? durable;
try
{
    durable = options.Postgres is { } server ? await DurableInsert.CreateAsync(server, Secret) : null;
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

await using var durableInsert = durable;
await using var bare = await BareServer.StartAsync(durable);
var slack = new Dictionary<string, string>
{
    ["Slack:SigningSecret"] = Secret,
    ["Slack:BotToken"] = "xoxb-bench",
    ["Slack:TeamId"] = team,
    ["Slack:ApiBaseUrl"] = bare.ApiBaseUrl,
};
var hosts = new List<HostProcess>();
var bareTarget = new Target("bare 200", bare.Bare, _ => true, null, null);
var durableTarget = durable is null ? null : new Target("durable insert", bare.Durable, _ => true, () => durable.StoredQuotesAsync(team), null);
var targets = new List<Target> { bareTarget };
if (durableTarget is not null)
{
    targets.Add(durableTarget);
}

var results = new List<(Target Target, LoadResult Result)>();
try
{
    if (options.Sqlite is { } file)
    {
        var path = Path.GetFullPath(file);
        var host = await HostProcess.StartAsync("sqlite", [.. slack, new("Storage:Provider", "sqlite"), new("Storage:SqlitePath", path)]);
        hosts.Add(host);
        targets.Add(new("SQLite", host.Commands, Saved, () => StoredQuotes.SqliteAsync(path, team), host));
    }

    if (options.Postgres is { } connectionString)
    {
        var host = await HostProcess.StartAsync("postgres", [.. slack, new("Storage:Provider", "postgres"), new("ConnectionStrings:Pulse", connectionString)]);
        hosts.Add(host);
        targets.Add(new("PostgreSQL", host.Commands, Saved, () => StoredQuotes.PostgresAsync(connectionString, team), host));
    }

    // In a closed loop each client keeps one connection of its own, as wrk's do.
    using var client = new HttpClient(new SocketsHttpHandler
    {
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        MaxConnectionsPerServer = options.Connections ?? int.MaxValue,
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };
    var sequence = 0;
    SignedCapture Next() => SignedCapture.Create(Secret, team, run, Interlocked.Increment(ref sequence), DateTimeOffset.UtcNow);
    List<SignedCapture> Captures(int count) => [.. Enumerable.Range(0, count).Select(_ => Next())];

    if (options.Connections is { } connections)
    {
        await ClosedAsync(connections);
    }
    else
    {
        await OpenAsync();
    }

    Console.WriteLine($"Load average after the phases: {Machine.LoadAverage()}");

    async Task OpenAsync()
    {
        // Connections, prepared statements and the tiered JIT settle here, as in a host that has run a while;
        // these captures are checked but not reported.
        foreach (var target in targets)
        {
            results.Add((target, await OpenLoop.RunAsync(client, target.Url, Captures(WarmUpRate * WarmUpSeconds), WarmUpRate, target.Acknowledges)));
        }

        Console.WriteLine($"{"rate/s",7} {"target",-14} {"sent",6} {"acked",6} {"errors",6} {"achieved/s",10} {"p50 ms",8} {"p99 ms",8} {"p99/bare",8} {"p99/durable",11}");
        foreach (var rate in options.Rates)
        {
            var phase = new List<(Target Target, LoadResult Result)>();
            foreach (var target in targets)
            {
                phase.Add((target, await OpenLoop.RunAsync(client, target.Url, Captures(rate * options.Seconds), rate, target.Acknowledges)));
            }

            results.AddRange(phase);
            var (bareP99, durableP99) = (Figure(phase, bareTarget, r => r.Latency.P99), Figure(phase, durableTarget, r => r.Latency.P99));
            foreach (var (target, result) in phase)
            {
                Console.WriteLine($"{rate,7} {target.Name,-14} {result.Sent,6} {result.Acknowledged.Count,6} {result.Errors,6} " +
                                  $"{result.AchievedPerSecond,10:F0} {result.Latency.P50,8:F2} {result.Latency.P99,8:F2} " +
                                  $"{Ratio(result.Latency.P99, bareP99),8} {Ratio(result.Latency.P99, durableP99),11}");
            }
        }
    }

    async Task ClosedAsync(int connections)
    {
        var measured = TimeSpan.FromSeconds(options.Seconds);
        foreach (var target in targets)
        {
            var (outcomes, elapsed) = await ClosedLoop.RunAsync(client, target.Url, Next, connections, TimeSpan.FromSeconds(WarmUpSeconds / 2), target.Acknowledges);
            results.Add((target, LoadResult.Of(outcomes, elapsed)));
        }

        // The targets take turns, round after round, so that whatever else the machine does falls on all of them alike.
        var outcomesOf = targets.ToDictionary(t => t, _ => new List<Outcome>());
        var timeOf = targets.ToDictionary(t => t, _ => TimeSpan.Zero);
        var cpu = targets.ToDictionary(t => t, _ => TimeSpan.Zero);
        for (var round = 1; round <= options.Rounds; round++)
        {
            var rates = new List<string>();
            foreach (var target in targets)
            {
                var before = target.Host?.ProcessorTime;
                var (outcomes, elapsed) = await ClosedLoop.RunAsync(client, target.Url, Next, connections, measured, target.Acknowledges);
                cpu[target] += target.Host?.ProcessorTime - before ?? TimeSpan.Zero;
                outcomesOf[target].AddRange(outcomes);
                timeOf[target] += elapsed;
                rates.Add($"{target.Name} {outcomes.Count(o => o.Acknowledged) / elapsed.TotalSeconds:F0}/s");
            }

            Console.WriteLine($"Round {round}: {string.Join(", ", rates)}; load average {Machine.LoadAverage()}");
        }

        var phase = targets.Select(t => (Target: t, Result: LoadResult.Of(outcomesOf[t], timeOf[t]))).ToList();
        results.AddRange(phase);
        var (bareRate, durableRate) = (Figure(phase, bareTarget, r => r.AchievedPerSecond), Figure(phase, durableTarget, r => r.AchievedPerSecond));
        Console.WriteLine($"Closed loop, {connections} connections, {options.Rounds} rounds of {options.Seconds} s per target (after {WarmUpSeconds / 2} s of warm-up each)");
        Console.WriteLine($"{"target",-14} {"sent",7} {"acked",7} {"errors",6} {"captures/s",10} {"p50 ms",8} {"p99 ms",8} {"/bare",6} {"/durable",8} {"host CPU ms/capture",19}");
        foreach (var (target, result) in phase)
        {
            var hostCpu = target.Host is not null && result.Acknowledged.Count > 0
                ? $"{cpu[target].TotalMilliseconds / result.Acknowledged.Count:F2}"
                : "-";
            Console.WriteLine($"{target.Name,-14} {result.Sent,7} {result.Acknowledged.Count,7} {result.Errors,6} " +
                              $"{result.AchievedPerSecond,10:F0} {result.Latency.P50,8:F2} {result.Latency.P99,8:F2} " +
                              $"{Ratio(result.AchievedPerSecond, bareRate),6} {Ratio(result.AchievedPerSecond, durableRate),8} {hostCpu,19}");
        }
    }
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

/// <summary>A baseline's figure in a phase, or 0 when the run has no such baseline.</summary>
static double Figure(List<(Target Target, LoadResult Result)> phase, Target? baseline, Func<LoadResult, double> figure) =>
    phase.Where(p => p.Target == baseline).Select(p => figure(p.Result)).FirstOrDefault();

static string Ratio(double value, double baseline) => baseline > 0 ? $"{value / baseline:F2}x" : "-";

/// <summary>
/// Where captures go and what counts as an acknowledgement; for a target that stores them, how to find what it
/// stored; for a real host, its process.
/// </summary>
internal sealed record Target(string Name, Uri Url, Func<string, bool> Acknowledges, Func<Task<HashSet<string>>>? StoredQuotes, HostProcess? Host);

internal sealed record SlackBenchOptions(string? Postgres, string? Sqlite, IReadOnlyList<int> Rates, int Seconds, int? Connections, int Rounds)
{
    public static SlackBenchOptions? Parse(string[] args)
    {
        var options = new SlackBenchOptions(null, null, [100, 250, 500, 750], 10, null, 3);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--postgres" => options with { Postgres = args[i + 1] },
                "--sqlite" => options with { Sqlite = args[i + 1] },
                "--rates" when ParseRates(args[i + 1]) is { } rates => options with { Rates = rates },
                "--seconds" when int.TryParse(args[i + 1], out var n) && n > 0 => options with { Seconds = n },
                "--closed" when int.TryParse(args[i + 1], out var n) && n > 0 => options with { Connections = n },
                "--rounds" when int.TryParse(args[i + 1], out var n) && n > 0 => options with { Rounds = n },
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
