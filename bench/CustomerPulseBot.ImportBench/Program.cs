using System.Diagnostics;
using CustomerPulseBot.Bench.Shared;
using CustomerPulseBot.ImportBench;
using Npgsql;

// 100,000 signals into PostgreSQL three ways in one run: a plain binary COPY into a bare table (the baseline), one CSV
// through POST /api/v1/imports, and JSON arrays of 1,000 through POST /api/v1/signals, the last two through the real
// host (Release build, its own process), each into a new database. Exit 1 when either API way takes longer than --limit s.
var options = ImportBenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project bench/CustomerPulseBot.ImportBench -- --postgres "<connection string>"
                                                                                     [--rows 100000] [--batch 1000] [--seed 11] [--limit 60]
          --postgres  a server where the role may create databases: each way gets a new one, dropped at the end.
          --rows      signals loaded by each way; --batch signals per API request (at most 1,000, the API's limit).
          --seed      the rows are the same for a seed (said-at relative to the day of the run).
          --limit     seconds the import and the batches may each take; beyond it the exit code is 1.
        """);
    return 2;
}

var run = Guid.NewGuid().ToString("N")[..6];
Console.WriteLine($"Run {run}: {options.Rows:N0} rows, seed {options.Seed}, load average {Machine.LoadAverage()}");
Console.WriteLine($"Host {HostProcess.WebHostPath}");
var generating = Stopwatch.StartNew();
var rows = ImportRows.Generate(options.Rows, options.Seed);
var csv = ImportRows.Csv(rows);
var batches = ImportRows.JsonBatches(rows, options.Batch);
var lengths = rows.Select(r => r.Quote.Length).Order().ToList();
Console.WriteLine(
    $"  rows made in {generating.Elapsed.TotalSeconds:F1} s: quotes {lengths[0]}–{lengths[^1]} characters (median {lengths[lengths.Count / 2]}), " +
    $"{rows.Count(r => r.Quote.Contains('\n'))} with line breaks, {rows.Count(r => r.Quote.Contains('"'))} with double quotes, " +
    $"{rows.Count(r => r.Quote.Contains(','))} with commas, {rows.Count(r => r.Quote.Any(char.IsSurrogate))} with emoji; " +
    $"{rows.SelectMany(r => r.Themes).Distinct().Count()} themes, {rows.Count(r => r.Themes.Count == 0)} rows untagged; " +
    $"{rows.Select(r => r.Customer?.ToLowerInvariant()).OfType<string>().Distinct().Count()} customers");
Console.WriteLine($"  CSV {csv.Length / 1e6:F1} MB; {batches.Count} JSON arrays, {batches.Sum(b => b.Length) / 1e6:F1} MB, the largest {batches.Max(b => b.Length) / 1e3:F0} kB");

// Each way gets a database of its own, and each API way a host started on it: the host computes the vectors of what
// was loaded in the background (100,000 long quotes take it 20–40 minutes here), which would otherwise run through the
// next way's time.
var copy = await ScratchDatabase.WithAsync(options.Postgres, $"importbench_{run}_copy", connectionString => CopyBaseline.RunAsync(connectionString, rows));
Console.WriteLine($"  COPY: {copy.TotalSeconds:F1} s");
var import = await ThroughHostAsync("csv", async (api, key) => await api.ImportAsync(key, csv));
IReadOnlyList<TimeSpan> requests = [];
var posted = await ThroughHostAsync("api", async (api, key) =>
{
    (var took, requests, var stored) = await api.PostBatchesAsync(key, batches);
    return (took, stored);
});
var sorted = requests.Order().ToList();
Console.WriteLine($"  api: a request p50 {Ms(sorted[sorted.Count / 2])}, p95 {Ms(sorted[sorted.Count * 95 / 100])}, max {Ms(sorted[^1])}; " +
                  $"the first ten {Ms(Mean(requests.Take(10)))} on average, the last ten {Ms(Mean(requests.TakeLast(10)))}");
Console.WriteLine($"Load average at the end: {Machine.LoadAverage()}");

var themeLinks = rows.Sum(r => r.Themes.Count);
var limit = TimeSpan.FromSeconds(options.LimitSeconds);
Console.WriteLine();
Console.WriteLine($"{"way",-36} {"seconds",8} {"rows/s",9} {"vs COPY",8} {"host CPU",9} {"landed",7}");
Console.WriteLine($"{"COPY (binary, bare table)",-36} {copy.TotalSeconds,8:F1} {rows.Count / copy.TotalSeconds,9:N0} {"1x",8} {"-",9} {"yes",7}");
Line("POST /api/v1/imports (one CSV)", import);
Line($"POST /api/v1/signals ({batches.Count} × {options.Batch:N0})", posted);
Console.WriteLine($"""
    landed: the answer and the database count every row, every theme link the rows name ({themeLinks:N0}), and every
    quote exactly as sent. host CPU: the host's CPU time over the way, its background work included.
    Each API way must take at most {limit.TotalSeconds:F0} s.
    """);
return new[] { import, posted }.All(w => w.Took <= limit && Landed(w)) ? 0 : 1;

bool Landed(WayResult way) =>
    way.Answered == rows.Count && way.Stored.Signals == rows.Count && way.Stored.ThemeLinks == themeLinks && way.Stored.QuotesDiffering == 0;

void Line(string way, WayResult result) => Console.WriteLine(
    $"{way,-36} {result.Took.TotalSeconds,8:F1} {rows.Count / result.Took.TotalSeconds,9:N0} {result.Took / copy,7:F1}x " +
    $"{result.HostCpu.TotalSeconds,7:F1} s {(Landed(result) ? "yes" : "NO"),7}");

// A new database, the host on it, a workspace and its write key; then the way is timed and what landed is read.
async Task<WayResult> ThroughHostAsync(string way, Func<ImportApi, string, Task<(TimeSpan Took, int Answered)>> load) =>
    await ScratchDatabase.WithAsync(options.Postgres, $"importbench_{run}_{way}", async connectionString =>
    {
        IReadOnlyList<KeyValuePair<string, string>> settings =
        [
            new("Storage:Provider", "postgres"),
            new("ConnectionStrings:Pulse", connectionString),
            // The one way to make a workspace without a chat platform; the bench's host is reached from this machine only.
            new("Playground:Enabled", "true"),
            // The per-key limit (600 requests a minute by default) must not be what is measured.
            new("Api:PermitsPerMinute", "1000000"),
        ];
        await using var host = await HostProcess.StartAsync(way, settings);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
        var api = new ImportApi(host, http, settings);
        var workspace = $"Import bench {run} {way}";
        await api.CreateWorkspaceAsync(workspace);
        var key = await api.CreateWriteKeyAsync(workspace);
        Console.WriteLine($"  {way}: load average {Machine.LoadAverage()}");
        var cpu = host.ProcessorTime;
        var (took, answered) = await load(api, key);
        var hostCpu = host.ProcessorTime - cpu;
        var stored = await StoredSignals.ReadAsync(connectionString, workspace, rows);
        Console.WriteLine($"  {way}: {took.TotalSeconds:F1} s, {answered:N0} answered as stored; the database: {stored}");
        return new WayResult(took, hostCpu, answered, stored);
    });

static string Ms(TimeSpan span) => $"{span.TotalMilliseconds:F0} ms";

static TimeSpan Mean(IEnumerable<TimeSpan> spans) => TimeSpan.FromTicks((long)spans.Average(s => s.Ticks));

internal sealed record ImportBenchOptions(string Postgres, int Rows, int Batch, int Seed, int LimitSeconds)
{
    public static ImportBenchOptions? Parse(string[] args)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || !given.TryAdd(args[i][2..], args[i + 1]))
            {
                return null;
            }
        }

        int Number(string name, int fallback, int min, int max) =>
            !given.Remove(name, out var text) ? fallback : int.TryParse(text, out var n) && n >= min && n <= max ? n : -1;

        given.Remove("postgres", out var postgres);
        var options = new ImportBenchOptions(
            postgres ?? "",
            Number("rows", 100_000, 1, 200_000),
            Number("batch", 1_000, 1, 1_000),
            Number("seed", 11, 0, int.MaxValue),
            Number("limit", 60, 1, 3_600));
        return args.Length % 2 == 0 && given.Count == 0 && postgres is not null
               && new[] { options.Rows, options.Batch, options.Seed, options.LimitSeconds }.All(n => n >= 0)
            ? options
            : null;
    }
}
