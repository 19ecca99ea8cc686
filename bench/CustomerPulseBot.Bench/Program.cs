using CustomerPulseBot.Bench;
using CustomerPulseBot.Bench.Shared;
using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Meaning;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Meaning;
using CustomerPulseBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

// "Top pain points" and search against a loaded store, with a trivial round trip as the baseline of the same run.
// Usage: --postgres "<connection string>" --sqlite <file> [--signals 1000000] [--iterations 200] [--backfill on]
var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project bench/CustomerPulseBot.Bench -- [--postgres "<connection string>"] [--sqlite <file>]
                                                                               [--signals 1000000] [--iterations 200] [--backfill on]
          --signals     PostgreSQL total, over 10 workspaces; SQLite gets one workspace of a tenth of it. Use e.g. 20000 for a smoke run.
          --iterations  timed runs of each measurement, after 20 untimed warm-up runs.
          --backfill on computes the SQLite signals' vectors with the real model first, timed (the host's backfill job).
        """);
    return 2;
}

var ct = CancellationToken.None;
var now = TimeProvider.System.GetUtcNow();

if (options.Postgres is { } connectionString)
{
    await PostgresLoader.EnsureDatabaseAsync(connectionString, ct);
    await using var dataSource = NpgsqlDataSource.Create(connectionString);
    await using var store = PostgresPulseStore.Create(connectionString, TimeProvider.System);
    await store.MigrateAsync(NullLogger.Instance, ct);
    var workspaces = await WorkspacesAsync(store, 10);
    var perWorkspace = options.Signals / workspaces.Count;
    var loading = System.Diagnostics.Stopwatch.StartNew();
    var added = await new PostgresLoader(dataSource, store).LoadAsync(workspaces, perWorkspace, now, ct);
    Console.WriteLine($"PostgreSQL: {perWorkspace * workspaces.Count:N0} signals in {workspaces.Count} workspaces " +
                      (added > 0 ? $"({added:N0} loaded in {loading.Elapsed.TotalSeconds:F1} s)" : "(already loaded)"));
    await ReportAsync(store, workspaces[0], options.Iterations);
}

if (options.Sqlite is { } path)
{
    var store = new SqlitePulseStore(Path.GetFullPath(path), TimeProvider.System);
    await store.MigrateAsync(NullLogger.Instance, ct);
    var workspace = (await WorkspacesAsync(store, 1))[0];
    var target = options.Signals / 10;
    var loading = System.Diagnostics.Stopwatch.StartNew();
    var added = await LoadSqliteAsync(store, workspace.Id, target);
    Console.WriteLine($"SQLite: {target:N0} signals in 1 workspace " +
                      (added > 0 ? $"({added:N0} loaded in {loading.Elapsed.TotalSeconds:F1} s)" : "(already loaded)"));
    if (options.Backfill)
    {
        await BackfillAsync(store);
    }

    await ReportAsync(store, workspace, options.Iterations);
}

return 0;

// Every signal's vector with the product's encoder and backfill, as the host's job computes them, timed.
static async Task BackfillAsync(SqlitePulseStore store)
{
    await using var services = new ServiceCollection()
        .AddLogging(logging => logging.AddSimpleConsole(console => console.SingleLine = true))
        .AddMeaning(new ConfigurationBuilder().Build())
        .BuildServiceProvider();
    var encoder = services.GetRequiredService<ITextEncoder>();
    var index = new MeaningIndex(store, encoder, TimeProvider.System);
    var backfill = new VectorBackfill(
        encoder, store, index, new ThemeSuggestions(store, index), services.GetRequiredService<ILogger<VectorBackfill>>());
    var timer = System.Diagnostics.Stopwatch.StartNew();
    var done = await backfill.RunAsync(_ => { }, CancellationToken.None);
    Console.WriteLine($"  vector backfill: {done:N0} signals in {timer.Elapsed.TotalSeconds:F0} s " +
                      $"({done / Math.Max(timer.Elapsed.TotalSeconds, 0.001):F0} a second), process VmRSS {Machine.ResidentMiB()} MiB");
}

static async Task<IReadOnlyList<Workspace>> WorkspacesAsync(IPulseStore store, int count)
{
    var workspaces = new List<Workspace>();
    for (var i = 0; i < count; i++)
    {
        workspaces.Add(await store.ResolveWorkspaceAsync(Platform.Slack, $"bench-{i:00}", $"Bench workspace {i}", CancellationToken.None));
    }

    return workspaces;
}

// The embedded store loads through its own bulk path: many captures per transaction, each stored as a capture is.
static async Task<int> LoadSqliteAsync(SqlitePulseStore store, WorkspaceId workspace, int target)
{
    var count = await store.CountSignalsAsync(workspace, new SignalFilter(), CancellationToken.None);
    if (count >= target)
    {
        return 0;
    }

    var signals = new BenchSignals(workspace, seed: 0, TimeProvider.System.GetUtcNow());
    var pending = count == 0 ? signals.ThemeSeeds().ToList() : [];
    while (count + pending.Count < target)
    {
        pending.Add(signals.Next());
    }

    foreach (var batch in pending.Chunk(10_000))
    {
        await store.AddSignalsAsync(workspace, batch, CancellationToken.None);
    }

    return pending.Count;
}

static async Task ReportAsync(IPulseStore store, Workspace workspace, int iterations)
{
    // Only questions are measured: no admin command runs, so no platform is asked who the admins are.
    var admins = new WorkspaceAdmins((IAdminStore)store, [], NullLogger<WorkspaceAdmins>.Instance);
    var commands = new PulseCommands(store, new Insights(store), TimeProvider.System, NullLogger<PulseCommands>.Instance, admins);
    var context = new ChatContext(workspace, new ChatUser("bench", "Bench"), "C-bench", TimeZoneInfo.Utc);
    var ping = await Timing.MeasureAsync(() => store.PingAsync(CancellationToken.None), iterations);
    Console.WriteLine($"  {"ping (baseline)",-28} {ping}");
    // The commands a leader sends, as the parser gives them; search and "top" over 90 days are issue 8's targets.
    var ninetyDays = Period.LastDays(90);
    var measured = new (Command Command, string Words)[]
    {
        (new TopCommand(Period.ThisWeek, QueryFilters.None), "top this week"),
        (new TopCommand(new Period(PeriodKind.LastWeek), QueryFilters.None), "top last week"),
        (new TopCommand(ninetyDays, QueryFilters.None), "top last 90 days"),
        (new SearchCommand("export failing", ninetyDays, QueryFilters.None), "search export failing"),
        (new SearchCommand("slow dashboard", ninetyDays, QueryFilters.None), "search slow dashboard"),
        (new SearchCommand("report renewal", ninetyDays, QueryFilters.None), "search report renewal"),
    };
    foreach (var (command, words) in measured)
    {
        var view = await commands.ExecuteAsync(context, command, words, CancellationToken.None);
        var timing = await Timing.MeasureAsync(() => commands.ExecuteAsync(context, command, words, CancellationToken.None), iterations);
        var shown = view switch
        {
            PainPointsView top => $"{top.Themes.Count} themes shown of {top.Themes.Count + top.MoreThemes}, {top.TotalSignals:N0} friction signals",
            SearchResultsView search => $"{search.Signals.Count} quotes shown of {search.Total:N0} matches",
            _ => view.GetType().Name,
        };
        Console.WriteLine($"  {words,-28} {timing}   p95 {timing.P95 / ping.P95,5:F1}x ping   ({shown})");
    }
}

internal sealed record BenchOptions(string? Postgres, string? Sqlite, int Signals, int Iterations, bool Backfill = false)
{
    public static BenchOptions? Parse(string[] args)
    {
        var options = new BenchOptions(null, null, 1_000_000, 200);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--postgres" => options with { Postgres = args[i + 1] },
                "--sqlite" => options with { Sqlite = args[i + 1] },
                "--signals" when int.TryParse(args[i + 1], out var n) && n >= 10 * BenchSignals.Themes.Count => options with { Signals = n },
                "--iterations" when int.TryParse(args[i + 1], out var n) && n > 0 => options with { Iterations = n },
                "--backfill" when args[i + 1] == "on" => options with { Backfill = true },
                _ => null,
            };
            if (options is null)
            {
                return null;
            }
        }

        return args.Length % 2 == 0 && (options.Postgres is not null || options.Sqlite is not null) ? options : null;
    }
}
