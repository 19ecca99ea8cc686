using System.Diagnostics;
using CustomerPulseBot.Bench.Shared;
using CustomerPulseBot.ImportBench;
using Npgsql;

// 100,000 signals into PostgreSQL three ways in one run: a plain binary COPY into a bare table (the baseline), one CSV
// through POST /api/v1/imports, and JSON arrays of 1,000 through POST /api/v1/signals, the last two through the real
// host (Release build, its own process) into fresh workspaces. Exit 1 when either API way takes longer than --limit s.
var options = ImportBenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project bench/CustomerPulseBot.ImportBench -- --postgres "<connection string>"
                                                                                     [--rows 100000] [--batch 1000] [--seed 11] [--limit 60]
                                                                                     [--settle 20]
          --postgres  a server where the role may create databases: each run gets a new one, dropped at the end.
          --rows      signals loaded by each way; --batch signals per API request (at most 1,000, the API's limit).
          --seed      the rows are the same for a seed (said-at relative to the day of the run).
          --limit     seconds the import and the batches may each take; beyond it the exit code is 1.
          --settle    minutes to wait at most, before the batches, for the host's background vectors of the import.
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

return await WithDatabaseAsync(options.Postgres, run, async connectionString =>
{
    // The baseline first, while nothing else runs: the host is not started yet.
    var copy = await CopyBaseline.RunAsync(connectionString, rows);
    Console.WriteLine($"  COPY: {copy.TotalSeconds:F1} s");

    IReadOnlyList<KeyValuePair<string, string>> settings =
    [
        new("Storage:Provider", "postgres"),
        new("ConnectionStrings:Pulse", connectionString),
        // The one way to make a workspace without a chat platform; the bench's host is reached from this machine only.
        new("Playground:Enabled", "true"),
        // The per-key limit (600 requests a minute by default) must not be what is measured.
        new("Api:PermitsPerMinute", "1000000"),
    ];
    await using var host = await HostProcess.StartAsync("host", settings);
    using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
    var api = new ImportApi(host, http, settings);
    var (csvWorkspace, jsonWorkspace) = ($"Import bench {run} csv", $"Import bench {run} api");
    await api.CreateWorkspaceAsync(csvWorkspace);
    await api.CreateWorkspaceAsync(jsonWorkspace);
    var csvKey = await api.CreateWriteKeyAsync(csvWorkspace);
    var jsonKey = await api.CreateWriteKeyAsync(jsonWorkspace);

    Console.WriteLine($"  import: load average {Machine.LoadAverage()}");
    var cpu = host.ProcessorTime;
    var (importTook, imported) = await api.ImportAsync(csvKey, csv);
    var importCpu = host.ProcessorTime - cpu;
    var importStored = await StoredSignals.ReadAsync(connectionString, csvWorkspace, rows);
    Console.WriteLine($"  import: {importTook.TotalSeconds:F1} s, {imported:N0} imported; stored: {importStored}");

    var (settled, missing) = await BackgroundVectors.WaitAsync(connectionString, TimeSpan.FromMinutes(options.SettleMinutes));
    Console.WriteLine($"  the host's background vectors of the import: {(missing == 0 ? "all" : $"not all ({missing:N0} missing)")} done " +
                      $"{settled.TotalSeconds:F0} s after its answer");
    Console.WriteLine($"  batches: load average {Machine.LoadAverage()}");
    cpu = host.ProcessorTime;
    var (batchesTook, requests, posted) = await api.PostBatchesAsync(jsonKey, batches);
    var batchesCpu = host.ProcessorTime - cpu;
    var batchesStored = await StoredSignals.ReadAsync(connectionString, jsonWorkspace, rows);
    Console.WriteLine($"  batches: {batchesTook.TotalSeconds:F1} s, {posted:N0} answered stored; stored: {batchesStored}");
    var sorted = requests.Order().ToList();
    Console.WriteLine($"  batches: a request p50 {Ms(sorted[sorted.Count / 2])}, p95 {Ms(sorted[sorted.Count * 95 / 100])}, " +
                      $"max {Ms(sorted[^1])}; the first ten {Ms(Mean(requests.Take(10)))} on average, the last ten {Ms(Mean(requests.TakeLast(10)))}");
    Console.WriteLine($"Load average at the end: {Machine.LoadAverage()}");

    var themeLinks = rows.Sum(r => r.Themes.Count);
    bool Landed(StoredSignals stored, int answered) =>
        answered == rows.Count && stored.Signals == rows.Count && stored.ThemeLinks == themeLinks && stored.QuotesDiffering == 0;
    var limit = TimeSpan.FromSeconds(options.LimitSeconds);
    Console.WriteLine();
    Console.WriteLine($"{"way",-36} {"seconds",8} {"rows/s",9} {"vs COPY",8} {"host CPU",9} {"landed",7}");
    Console.WriteLine($"{"COPY (binary, bare table)",-36} {copy.TotalSeconds,8:F1} {rows.Count / copy.TotalSeconds,9:N0} {"1x",8} {"-",9} {"yes",7}");
    Line($"POST /api/v1/imports (one CSV)", importTook, importCpu, Landed(importStored, imported));
    Line($"POST /api/v1/signals ({batches.Count} × {options.Batch:N0})", batchesTook, batchesCpu, Landed(batchesStored, posted));
    Console.WriteLine($"""
        landed: the answer and the database count every row, every theme link the rows name ({themeLinks:N0}), and every
        quote exactly as sent. host CPU: the host's CPU time over the phase, its background work included.
        Each API way must take at most {limit.TotalSeconds:F0} s.
        """);
    var passed = importTook <= limit && batchesTook <= limit && Landed(importStored, imported) && Landed(batchesStored, posted);
    return passed ? 0 : 1;

    void Line(string way, TimeSpan took, TimeSpan hostCpu, bool landed) => Console.WriteLine(
        $"{way,-36} {took.TotalSeconds,8:F1} {rows.Count / took.TotalSeconds,9:N0} {took / copy,7:F1}x {hostCpu.TotalSeconds,7:F1} s {(landed ? "yes" : "NO"),7}");
});

static string Ms(TimeSpan span) => $"{span.TotalMilliseconds:F0} ms";

static TimeSpan Mean(IEnumerable<TimeSpan> spans) => TimeSpan.FromTicks((long)spans.Average(s => s.Ticks));

// A new database for the run (<database>_importbench_<run>), dropped at the end whatever happened.
static async Task<T> WithDatabaseAsync<T>(string postgres, string run, Func<string, Task<T>> use)
{
    var server = new NpgsqlConnectionStringBuilder(postgres);
    var database = $"{server.Database}_importbench_{run}";
    await ExecuteAsync(server.ConnectionString, $"CREATE DATABASE {database}");
    try
    {
        return await use(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database }.ConnectionString);
    }
    finally
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(server.ConnectionString, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
    }
}

static async Task ExecuteAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

internal sealed record ImportBenchOptions(string Postgres, int Rows, int Batch, int Seed, int LimitSeconds, int SettleMinutes)
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
            Number("limit", 60, 1, 3_600),
            Number("settle", 20, 0, 120));
        return args.Length % 2 == 0 && given.Count == 0 && postgres is not null
               && new[] { options.Rows, options.Batch, options.Seed, options.LimitSeconds, options.SettleMinutes }.All(n => n >= 0)
            ? options
            : null;
    }
}
