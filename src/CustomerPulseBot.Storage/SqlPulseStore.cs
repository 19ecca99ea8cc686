using System.Collections.Concurrent;
using System.Data.Common;
using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Storage;

/// <summary>
/// The store's SQL, written once in the subset SQLite and PostgreSQL both speak (ON CONFLICT, RETURNING,
/// window functions, string_agg ... ORDER BY, aggregate FILTER). What differs between the two databases
/// (connections, the migration lock, pragmas) lives in <see cref="SqlitePulseStore"/> and
/// <see cref="PostgresPulseStore"/>.
/// </summary>
internal abstract partial class SqlPulseStore(TimeProvider clock) : IPulseStore
{
    private const string DefaultTimeZone = "UTC";
    private const DayOfWeek DefaultWeekStart = DayOfWeek.Monday;

    /// <summary>
    /// How long a host keeps a workspace it read. A workspace row is never deleted and only its settings change
    /// (<see cref="SaveWorkspaceSettingsAsync"/>): the host that changes them sees the change at once, the others
    /// within this time, and meanwhile a request resolves its workspace without a round trip (one per capture saved).
    /// </summary>
    private static readonly TimeSpan WorkspaceKeptFor = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(Platform Platform, string ExternalId), (Workspace Workspace, DateTimeOffset ReadAt)> knownWorkspaces = new();

    protected TimeProvider Clock => clock;

    protected abstract ValueTask<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>
    /// The dialect's search: <paramref name="columns"/> of <c>signals s</c> meeting <paramref name="where"/> and
    /// every word, the most relevant first, then the newest, at most <c>@limit</c>. Never called with no words.
    /// </summary>
    protected abstract string FindByTextSql(DbCommand command, IReadOnlyList<string> words, string columns, string where);

    /// <summary>The dialect's full-text match as a condition: see <see cref="FilterSql.TextCondition"/>.</summary>
    protected abstract string TextCondition(DbCommand command, IReadOnlyList<string> words, string idColumn);

    private string Where(DbCommand command, WorkspaceId workspace, SignalFilter filter, FilterTable table) =>
        FilterSql.Where(command, workspace, filter, table, TextCondition);

    /// <summary>Applies the embedded migrations this build knows; refuses a database migrated by a newer one.</summary>
    public abstract Task MigrateAsync(ILogger logger, CancellationToken ct);

    /// <summary>The setting that chooses this store's database, named in start-up errors.</summary>
    public abstract string Setting { get; }

    /// <summary>
    /// What went wrong opening or migrating the store, in one line naming the setting, when it is something to fix (or
    /// wait for) outside the code; null for anything else, which is a bug and keeps its stack trace.
    /// </summary>
    public abstract StartupProblem? Explain(Exception e);

    public async Task<Workspace> ResolveWorkspaceAsync(Platform platform, string externalId, string name, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (knownWorkspaces.TryGetValue((platform, externalId), out var known) && now - known.ReadAt < WorkspaceKeptFor)
        {
            return known.Workspace;
        }

        var workspace = await ReadOrCreateWorkspaceAsync(platform, externalId, name, ct);
        knownWorkspaces[(platform, externalId)] = (workspace, now);
        return workspace;
    }

    private Task<Workspace> ReadOrCreateWorkspaceAsync(Platform platform, string externalId, string name, CancellationToken ct) => ReadAsync(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        // Every request resolves its workspace, and the row exists for all but the first: read first, so the
        // hot path is one round trip and never takes SQLite's write lock away from the captures.
        if (await FindWorkspaceAsync(connection, platform, externalId, ct) is { } existing)
        {
            return existing;
        }

        // Insert-or-nothing, then read: two hosts meeting a new team at once end with the same row.
        await using var insert = connection.Command("""
            INSERT INTO workspaces (id, platform, external_id, name, week_start, time_zone, created_at)
            VALUES (@id, @platform, @external_id, @name, @week_start, @time_zone, @created_at)
            ON CONFLICT (platform, external_id) DO NOTHING
            """)
            .With("@id", Guid.CreateVersion7(clock.GetUtcNow()))
            .With("@platform", Rows.Word(platform))
            .With("@external_id", externalId)
            .With("@name", name)
            .With("@week_start", Rows.Word(DefaultWeekStart))
            .With("@time_zone", DefaultTimeZone)
            .With("@created_at", Rows.Millis(clock.GetUtcNow()));
        await insert.ExecuteNonQueryAsync(ct);
        return await FindWorkspaceAsync(connection, platform, externalId, ct)
            ?? throw new InvalidOperationException("The workspace row vanished between insert and read.");
    }, ct);

    private static async Task<Workspace?> FindWorkspaceAsync(DbConnection connection, Platform platform, string externalId, CancellationToken ct)
    {
        await using var select = connection.Command($"""
            SELECT {Rows.WorkspaceColumns} FROM workspaces w WHERE w.platform = @platform AND w.external_id = @external_id
            """)
            .With("@platform", Rows.Word(platform))
            .With("@external_id", externalId);
        return await select.SingleOrDefaultAsync(Rows.Workspace, ct);
    }

    public Task<Workspace?> GetWorkspaceAsync(WorkspaceId workspace, CancellationToken ct) => ReadAsync(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        return await FindWorkspaceAsync(connection, workspace, ct);
    }, ct);

    private static async Task<Workspace?> FindWorkspaceAsync(DbConnection connection, WorkspaceId workspace, CancellationToken ct)
    {
        await using var command = connection.Command($"SELECT {Rows.WorkspaceColumns} FROM workspaces w WHERE w.id = @w")
            .With("@w", workspace.Value);
        return await command.SingleOrDefaultAsync(Rows.Workspace, ct);
    }

    public async Task<Workspace> SaveWorkspaceSettingsAsync(
        WorkspaceId workspace, string? timeZone, DayOfWeek? weekStart, bool? autoTag, bool? redact, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        // COALESCE keeps the setting not named, so two people changing different settings at once both win.
        await using var update = connection.Command("""
            UPDATE workspaces SET time_zone = COALESCE(@time_zone, time_zone), week_start = COALESCE(@week_start, week_start),
                                  auto_tag = COALESCE(@auto_tag, auto_tag), redact = COALESCE(@redact, redact)
            WHERE id = @w
            """)
            .With("@time_zone", timeZone)
            .With("@week_start", weekStart is { } day ? Rows.Word(day) : null)
            .With("@auto_tag", autoTag)
            .With("@redact", redact)
            .With("@w", workspace.Value);
        await update.ExecuteNonQueryAsync(ct);
        var saved = await FindWorkspaceAsync(connection, workspace, ct) ?? throw new InvalidOperationException($"There is no workspace {workspace}.");
        knownWorkspaces[(saved.Platform, saved.ExternalId)] = (saved, clock.GetUtcNow());
        return saved;
    }

    public async Task<IReadOnlyList<string>> AddSignalAsync(WorkspaceId workspace, Signal signal, CancellationToken ct) =>
        (await AddSignalsAsync(workspace, [signal], request: null, ct)).CreatedThemes;

    /// <summary>
    /// Stores many signals in one transaction (all or none), returning the theme names created: the bulk loads of the
    /// benchmark, through the path the API's batches take.
    /// </summary>
    internal async Task<IReadOnlyList<string>> AddSignalsAsync(WorkspaceId workspace, IReadOnlyList<Signal> signals, CancellationToken ct) =>
        (await AddSignalsAsync(workspace, signals, request: null, ct)).CreatedThemes;

    /// <summary>The columns of a signals row that a capture writes.</summary>
    private protected const string SignalInsertColumns = """
        id, workspace_id, quote, customer, customer_key, segment, source, kind, stage, severity, evidence_url, captured_by_id,
        captured_by_name, captured_in, said_at, captured_at, source_permalink, search_text
        """;

    /// <summary>
    /// One signal as one command: its new themes, its row, its theme links, its customer's spelling and (the first time
    /// it is named) its customer, so a capture costs one round trip. Returns the theme names it created.
    /// </summary>
    private async Task<IReadOnlyList<string>> AddOneAsync(
        DbConnection connection, DbTransaction? transaction, WorkspaceId workspace, Signal signal, List<string> themes, CancellationToken ct)
    {
        await using var command = connection.Command("", transaction);
        command.CommandText = $"""
            {CreateThemesSql(command, themes)}
            INSERT INTO signals ({SignalInsertColumns})
            VALUES (@id, @w, @quote, @customer, {FilterSql.CustomerKey}, @segment, @source, @kind, @stage, @severity,
                    @evidence_url, @captured_by_id, @captured_by_name, @captured_in, @said_at, @captured_at,
                    @source_permalink, @search_text);
            {LinksAndSpellingSql(BindSignal(command, workspace, signal), signal, themes.Count)}
            """;
        command.With("@captured_by_id", signal.CapturedBy.Id)
            .With("@captured_by_name", signal.CapturedBy.Name)
            .With("@captured_in", signal.CapturedIn)
            .With("@captured_at", Rows.Millis(signal.CapturedAt));
        return await ExecuteCreatingThemesAsync(command, themes, ct);
    }

    /// <summary>
    /// The dialect's batch (two signals or more) in the write's transaction, returning the theme names it created in the
    /// order first named: here each signal's command of <see cref="AddOneAsync"/> in turn, which SQLite's writer runs
    /// compiled (a batch is one savepoint of its transaction); PostgreSQL loads the batch with COPY instead.
    /// </summary>
    protected virtual async Task<IReadOnlyList<string>> AddManyAsync(
        DbConnection connection, DbTransaction? transaction, WorkspaceId workspace, IReadOnlyList<Signal> signals,
        IReadOnlyList<List<string>> themes, CancellationToken ct)
    {
        var created = new List<string>();
        for (var i = 0; i < signals.Count; i++)
        {
            created.AddRange(await AddOneAsync(connection, transaction, workspace, signals[i], themes[i], ct));
        }

        return created;
    }

    /// <summary>How many of a person's newest captures <see cref="FindSameCaptureAsync"/> compares.</summary>
    private const int SameCaptureLooksBack = 20;

    public Task<Signal?> FindSameCaptureAsync(
        WorkspaceId workspace, string userId, string quote, string? customer, DateTimeOffset since, CancellationToken ct) => ReadAsync(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        // The person's newest captures since then, read backwards in signals_by_capturer and at most a few, then the
        // words and the customer: a capture sent again follows its first within a capture or two, and a bulk sender
        // (an import, a bench) would otherwise make every capture read all of its window.
        await using var command = connection.Command($"""
            SELECT {Rows.SignalColumns}
              FROM signals s
             WHERE s.id IN (SELECT r.id FROM signals r
                             WHERE r.workspace_id = @w AND r.captured_by_id = @user AND r.deleted_at IS NULL AND r.captured_at >= @since
                             ORDER BY r.captured_at DESC
                             LIMIT {SameCaptureLooksBack})
               AND s.quote = @quote AND s.customer_key IS NOT DISTINCT FROM {FilterSql.CustomerKey}
             ORDER BY s.captured_at DESC, s.id DESC
             LIMIT 1
            """)
            .With("@w", workspace.Value)
            .With("@user", userId)
            .With("@since", Rows.Millis(since))
            .With("@quote", quote)
            .With("@customer_key", Rows.CustomerKey(customer));
        return await command.SingleOrDefaultAsync(Rows.Signal, ct);
    }, ct);

    /// <summary>
    /// The command that runs <paramref name="built"/>, a write's command: itself, or on SQLite's writer one with the
    /// same text compiled before (the caller disposes only what it built).
    /// </summary>
    protected virtual DbCommand Compiled(DbCommand built) => built;

    /// <summary>The signal's theme names, normalised, each once, in the order named.</summary>
    private static List<string> ThemeNames(Signal signal) =>
        signal.Themes
            .Select(raw => ThemeName.Normalise(raw) ?? throw new ArgumentException($"\"{raw}\" is not a theme name.", nameof(signal)))
            .Distinct()
            .ToList();

    /// <summary>
    /// The theme names bound by <see cref="CreateThemesSql"/> as a table <c>named (name, position)</c>, with the
    /// id each gets if it is new when <paramref name="newIds"/>.
    /// </summary>
    private static string NamedThemes(int count, bool newIds)
    {
        var rows = Enumerable.Range(0, count).Select(i => newIds ? $"(@theme_name{i}, {i}, @new_theme{i})" : $"(@theme_name{i}, {i})");
        return $"named ({(newIds ? "name, position, new_id" : "name, position")}) AS (VALUES {string.Join(", ", rows)})";
    }

    /// <summary>
    /// The statement, first in its command, that creates the themes of <paramref name="names"/> that are neither a
    /// theme nor an alias yet, returning the names it created: read in <see cref="ExecuteCreatingThemesAsync"/>.
    /// A theme a concurrent write creates first is left to it (ON CONFLICT): on PostgreSQL the insert waits for that
    /// write to end, and the links, a statement later, see its theme. Nothing when no theme is named; the caller
    /// binds the workspace (<c>@w</c>).
    /// </summary>
    private string CreateThemesSql(DbCommand command, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return "";
        }

        for (var i = 0; i < names.Count; i++)
        {
            command.With($"@theme_name{i}", names[i]).With($"@new_theme{i}", Guid.CreateVersion7(clock.GetUtcNow()));
        }

        return $"""
            WITH {NamedThemes(names.Count, newIds: true)}
            {CreateNamedThemesSql(command)}
            """;
    }

    /// <summary>
    /// Creates the themes of a table <c>named (name, new_id)</c> that are neither a theme nor an alias yet, returning
    /// their names (the statement of <see cref="CreateThemesSql"/>, and of PostgreSQL's batches); binds
    /// <c>@theme_status</c> and <c>@theme_created_at</c>.
    /// </summary>
    private protected string CreateNamedThemesSql(DbCommand command)
    {
        command.With("@theme_status", Rows.Word(ThemeStatus.Open))
            .With("@theme_created_at", Rows.Millis(clock.GetUtcNow()));
        return """
            INSERT INTO themes (id, workspace_id, name, status, created_at)
            SELECT n.new_id, @w, n.name, @theme_status, @theme_created_at
              FROM named n
             WHERE NOT EXISTS (SELECT 1 FROM themes t WHERE t.workspace_id = @w AND t.name = n.name)
               AND NOT EXISTS (SELECT 1 FROM theme_aliases a WHERE a.workspace_id = @w AND a.alias = n.name)
            ON CONFLICT (workspace_id, name) DO NOTHING
            RETURNING name;
            """;
    }

    /// <summary>The theme a name (an SQL expression) stands for, by its name or an alias; null for a name of no theme.</summary>
    private protected static string ThemeIdOf(string name) => $"""
        COALESCE((SELECT t.id FROM themes t WHERE t.workspace_id = @w AND t.name = {name}),
                 (SELECT a.theme_id FROM theme_aliases a WHERE a.workspace_id = @w AND a.alias = {name}))
        """;

    /// <summary>
    /// Runs a command that begins with <see cref="CreateThemesSql"/> for <paramref name="names"/>, and returns the
    /// names it created, in the order named.
    /// </summary>
    private protected async Task<IReadOnlyList<string>> ExecuteCreatingThemesAsync(DbCommand built, IReadOnlyList<string> names, CancellationToken ct)
    {
        var command = Compiled(built);
        if (names.Count == 0)
        {
            await command.ExecuteNonQueryAsync(ct);
            return [];
        }

        var created = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            created.Add(reader.GetString(0));
        }

        // The statements after the first run (and fail) as the reader moves past them.
        while (await reader.NextResultAsync(ct))
        {
        }

        return names.Where(created.Contains).ToList();
    }

    /// <summary>Binds what a capture and an edit both write: every field but who captured it, where and when.</summary>
    private static DbCommand BindSignal(DbCommand command, WorkspaceId workspace, Signal signal) =>
        command
            .With("@id", signal.Id)
            .With("@w", workspace.Value)
            .With("@quote", signal.Quote)
            .With("@customer", signal.Customer)
            .With("@customer_key", Rows.CustomerKey(signal.Customer))
            .With("@segment", signal.Segment)
            .With("@source", signal.Source)
            .With("@kind", Rows.Word(signal.Kind))
            .With("@stage", signal.Stage is { } stage ? Rows.Word(stage) : null)
            .With("@severity", (int)signal.Severity)
            .With("@evidence_url", signal.EvidenceUrl)
            .With("@said_at", Rows.Millis(signal.SaidAt))
            .With("@source_permalink", signal.SourcePermalink)
            .With("@search_text", SearchText.Indexed(signal.Quote, signal.Customer))
            .With("@has_evidence", signal.EvidenceUrl is not null);

    /// <summary>The columns of a signal_themes row that a capture writes.</summary>
    private protected const string CapturedLinkColumns =
        "workspace_id, signal_id, theme_id, position, said_at, kind, segment, severity, customer_key, has_evidence, source, stage";

    /// <summary>
    /// Adds uses of a spelling to <c>customer_spellings</c>: the count grows and the first use is the earliest. Follows an
    /// INSERT of (workspace_id, customer_key, spelling, signals, first_at).
    /// </summary>
    private protected const string AddSpellingsSql = """
        ON CONFLICT (workspace_id, customer_key, spelling) DO UPDATE SET
            signals = customer_spellings.signals + excluded.signals,
            first_at = CASE WHEN excluded.first_at < customer_spellings.first_at
                            THEN excluded.first_at ELSE customer_spellings.first_at END
        """;

    /// <summary>
    /// A customer named for the first time gets its row, named as typed; one known keeps its own. Follows an INSERT of
    /// (workspace_id, customer_key, name, created_at, updated_at).
    /// </summary>
    private protected const string FirstNamedCustomerSql = "ON CONFLICT (workspace_id, customer_key) DO NOTHING";

    /// <summary>
    /// The signal's signal_themes rows, one more use of its customer's spelling and, the first time it is named, its
    /// customer, as statements to follow the one that writes its signals row (parameters of <see cref="BindSignal"/>;
    /// the spelling's first use is <c>@captured_at</c>). The links name the <paramref name="themes"/> bound by
    /// <see cref="CreateThemesSql"/>, and find each theme by name or alias here, after that statement has created the
    /// new ones: a theme and its alias named together are one link, at the position of the first named.
    /// </summary>
    private static string LinksAndSpellingSql(DbCommand command, Signal signal, int themes)
    {
        // A signal without themes gets one row with a null theme: the "untagged" row of the ranking.
        var sql = themes == 0
            ? $"""
                INSERT INTO signal_themes ({CapturedLinkColumns})
                VALUES (@w, @id, NULL, 0, @said_at, @kind, @segment, @severity, {FilterSql.CustomerKey}, @has_evidence, @source, @stage);
                """
            : $"""
                WITH {NamedThemes(themes, newIds: false)},
                     found AS (SELECT {ThemeIdOf("n.name")} AS theme_id, n.position FROM named n)
                INSERT INTO signal_themes ({CapturedLinkColumns})
                SELECT @w, @id, f.theme_id, row_number() OVER (ORDER BY min(f.position)) - 1, @said_at, @kind, @segment, @severity,
                       {FilterSql.CustomerKey}, @has_evidence, @source, @stage
                  FROM found f
                 GROUP BY f.theme_id;
                """;
        if (Rows.CustomerSpelling(signal.Customer) is not { } spelling)
        {
            return sql;
        }

        command.With("@spelling", spelling);
        return sql + $"""

            INSERT INTO customer_spellings (workspace_id, customer_key, spelling, signals, first_at)
            VALUES (@w, {FilterSql.CustomerKey}, @spelling, 1, @captured_at)
            {AddSpellingsSql};
            INSERT INTO customers (workspace_id, customer_key, name, created_at, updated_at)
            VALUES (@w, {FilterSql.CustomerKey}, @spelling, @captured_at, @captured_at)
            {FirstNamedCustomerSql};
            """;
    }

    public Task<Signal?> GetSignalAsync(WorkspaceId workspace, Guid signalId, CancellationToken ct) => ReadAsync(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command($"""
            SELECT {Rows.SignalColumns} FROM signals s WHERE s.workspace_id = @w AND s.id = @id AND s.deleted_at IS NULL
            """)
            .With("@w", workspace.Value)
            .With("@id", signalId);
        return await command.SingleOrDefaultAsync(Rows.Signal, ct);
    }, ct);

    public Task<IReadOnlyList<Signal>> FindSignalsAsync(WorkspaceId workspace, SignalFilter filter, int limit, CancellationToken ct) => ReadAsync<IReadOnlyList<Signal>>(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("");
        if (SearchText.Query(filter.Text) is { Count: > 0 } words)
        {
            // The words go to the dialect's relevance query; the rest of the filter checks each match.
            var where = FilterSql.Where(command, workspace, filter with { Text = null }, FilterTable.Signals, TextCondition, lookedUp: true);
            command.CommandText = FindByTextSql(command, words, Rows.SignalColumns, where);
        }
        else
        {
            command.CommandText = $"""
                SELECT {Rows.SignalColumns}
                  FROM signals s
                 WHERE {Where(command, workspace, filter, FilterTable.Signals)}
                 ORDER BY s.said_at DESC, s.id DESC
                 LIMIT @limit
                """;
        }

        command.With("@limit", limit);
        return await command.ListAsync(Rows.Signal, ct);
    }, ct);

    public Task<int> CountSignalsAsync(WorkspaceId workspace, SignalFilter filter, CancellationToken ct) => ReadAsync(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("");
        command.CommandText = $"SELECT count(*) FROM signals s WHERE {Where(command, workspace, filter, FilterTable.Signals)}";
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct));
    }, ct);

    public async Task<IReadOnlyList<ThemeStats>> GetThemeStatsAsync(WorkspaceId workspace, SignalFilter filter, CancellationToken ct) =>
        (await ThemeStatsAsync(workspace, filter, ct)).Stats;

    public async Task<PeriodThemeStats> GetPeriodThemeStatsAsync(
        WorkspaceId workspace, SignalFilter filter, DateRange previous, CancellationToken ct)
    {
        if (filter.Range is null)
        {
            throw new ArgumentException("The filter must have a range.", nameof(filter));
        }

        var (current, signals) = await ThemeStatsAsync(workspace, filter, ct);
        var (before, _) = await ThemeStatsAsync(workspace, filter with { Range = previous }, ct);
        return new PeriodThemeStats(current, before, signals);
    }

    /// <summary>
    /// The theme stats of the filter and how many signals it holds, in one pass: every signal has exactly one
    /// signal_themes row at position 0, so counting those rows counts the signals (without a second read of the
    /// period, which cost as much as a third of "top" over 90 days). The pass is CPU (counting distinct customers
    /// and days per theme), one core's worth for one leader's question, so each half of the workspace's themes is
    /// counted on a connection of its own at the same time: on two cores the answer comes in about half the time.
    /// Task.Run because SQLite's async calls run synchronously. Themes with the same number of signals come by
    /// name in ordinal order, which every caller sorts by anyway.
    /// </summary>
    private async Task<(IReadOnlyList<ThemeStats> Stats, int Signals)> ThemeStatsAsync(
        WorkspaceId workspace, SignalFilter filter, CancellationToken ct)
    {
        var halves = await Task.WhenAll(
            Task.Run(() => ThemeStatsOfHalfAsync(workspace, filter, 0, ct), ct),
            Task.Run(() => ThemeStatsOfHalfAsync(workspace, filter, 1, ct), ct));
        var rows = halves.SelectMany(half => half).ToList();
        var stats = rows.Select(r => r.Stats)
            .OrderByDescending(s => s.Signals)
            .ThenBy(s => s.Theme is null)
            .ThenBy(s => s.Theme, StringComparer.Ordinal)
            .ToList();
        return (stats, (int)rows.Sum(r => r.Firsts));
    }

    private Task<List<(ThemeStats Stats, long Firsts)>> ThemeStatsOfHalfAsync(
        WorkspaceId workspace, SignalFilter filter, int half, CancellationToken ct) => ReadAsync(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("");
        command.CommandText = ThemeStatsSql(Where(command, workspace, filter, FilterTable.SignalThemes));
        command.With("@half", half);
        return await command.ListAsync(r => (Rows.ThemeStats(r), r.GetInt64(7)), ct);
    }, ct);

    /// <summary>
    /// The themes (id, name) of the workspace in the half <c>@half</c> (0 or 1) of <see cref="ThemeStatsAsync"/>: every
    /// other one in the order of their ids, so the few large themes fall on both sides; the untagged go with half 1.
    /// </summary>
    protected const string HalfOfThemes = """
        (SELECT n.id, n.name
           FROM (SELECT th.id, th.name, row_number() OVER (ORDER BY th.id) AS i FROM themes th WHERE th.workspace_id = @w) n
          WHERE n.i % 2 = @half)
        """;

    /// <summary>
    /// The dialect's theme stats over the rows of <c>signal_themes f</c> meeting <paramref name="where"/>, for the themes of
    /// <see cref="HalfOfThemes"/>: for each theme with rows (a null name for the untagged) its name and
    /// <see cref="ThemeAggregates"/>.
    /// Asked for the workspace's themes one by one (the IN list), SQLite reads each theme's rows of the period from
    /// signal_themes_by_theme in theme order, so the grouping needs no sort; grouping the period's rows read by time
    /// sorted all of them first, most of the time of "top" over 90 days.
    /// </summary>
    protected virtual string ThemeStatsSql(string where) => $"""
        SELECT t.name, g.signals, g.customers, g.anonymous, g.days, g.severity_sum, g.severity_max, g.firsts
          FROM (SELECT f.theme_id, {ThemeAggregates("f.customer_key")}
                  FROM signal_themes f
                 WHERE {where} AND f.theme_id IN (SELECT h.id FROM {HalfOfThemes} h)
                 GROUP BY f.theme_id
                UNION ALL
                SELECT NULL, {ThemeAggregates("f.customer_key")} FROM signal_themes f WHERE {where} AND f.theme_id IS NULL AND @half = 1) g
          LEFT JOIN themes t ON t.id = g.theme_id
         WHERE g.signals > 0
        """;

    /// <summary>
    /// What <see cref="Rows.ThemeStats"/> reads after the name, then the rows at position 0 (one per signal), over
    /// <c>signal_themes f</c>; <paramref name="customerKey"/> is the customer key as the dialect compares it fastest.
    /// </summary>
    protected static string ThemeAggregates(string customerKey) => $"""
        count(*) AS signals,
               count(DISTINCT {customerKey}) AS customers,
               count(*) - count(f.customer_key) AS anonymous,
               count(DISTINCT f.said_at / {Rows.MillisecondsPerDay}) AS days,
               sum(f.severity) AS severity_sum,
               max(f.severity) AS severity_max,
               count(*) FILTER (WHERE f.position = 0) AS firsts
        """;

    public Task<IReadOnlyList<Signal>> GetTellingSignalsAsync(
        WorkspaceId workspace, SignalFilter filter, IReadOnlyList<string?> themes, int perTheme, CancellationToken ct) => ReadAsync<IReadOnlyList<Signal>>(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        // Each wanted theme as its id (aliases resolved), in the order asked; null stands for untagged.
        var names = themes.OfType<string>().Select(ThemeName.Normalise).OfType<string>().Distinct().ToList();
        var ids = await ResolveThemesAsync(connection, workspace, names, ct);
        var asked = new List<Guid?>();
        foreach (var name in themes)
        {
            if (name is null)
            {
                asked.Add(null);
            }
            else if (ThemeName.Normalise(name) is { } normal && ids.TryGetValue(normal, out var id))
            {
                asked.Add(id);
            }
        }

        var wanted = asked.Distinct().ToList();
        if (wanted.Count == 0 || perTheme <= 0)
        {
            return [];
        }

        await using var command = connection.Command("");
        var where = Where(command, workspace, filter, FilterTable.SignalThemesByTheme);
        command.With("@per_theme", perTheme);
        // One branch per theme, each walking signal_themes_telling in the ranking order of IPulseStore (severity,
        // then a named customer, then evidence, then the newest) and stopping at the limit: a long period reads a
        // few rows per theme instead of ranking every signal of the period.
        var branches = wanted.Select((id, i) =>
        {
            var theme = id is null ? "f.theme_id IS NULL" : $"f.theme_id = @wanted{i}";
            if (id is not null)
            {
                command.With($"@wanted{i}", id);
            }

            return $"""
                SELECT * FROM (SELECT f.signal_id, {i} AS asked, f.severity, f.customer_key IS NULL AS anonymous, f.has_evidence, f.said_at
                                 FROM signal_themes f
                                WHERE {where} AND {theme}
                                ORDER BY f.severity DESC, f.customer_key IS NULL, f.has_evidence DESC, f.said_at DESC, f.signal_id DESC
                                LIMIT @per_theme) b{i}
                """;
        });
        command.CommandText = $"""
            SELECT {Rows.SignalColumns}
              FROM ({string.Join("\nUNION ALL\n", branches)}) r
              JOIN signals s ON s.id = r.signal_id
             ORDER BY r.asked, r.severity DESC, r.anonymous, r.has_evidence DESC, r.said_at DESC, r.signal_id DESC
            """;
        return await command.ListAsync(Rows.Signal, ct);
    }, ct);

    /// <summary>The theme id each name or alias stands for, in one round trip; names of no theme are left out.</summary>
    private static async Task<Dictionary<string, Guid>> ResolveThemesAsync(
        DbConnection connection, WorkspaceId workspace, IReadOnlyList<string> names, CancellationToken ct)
    {
        var ids = new Dictionary<string, Guid>();
        if (names.Count == 0)
        {
            return ids;
        }

        await using var command = connection.Command("").With("@w", workspace.Value);
        var list = string.Join(", ", names.Select((name, i) =>
        {
            command.With($"@name{i}", name);
            return $"@name{i}";
        }));
        command.CommandText = $"""
            SELECT t.name, t.id FROM themes t WHERE t.workspace_id = @w AND t.name IN ({list})
            UNION ALL
            SELECT a.alias, a.theme_id FROM theme_aliases a WHERE a.workspace_id = @w AND a.alias IN ({list})
            """;
        foreach (var (name, id) in await command.ListAsync(r => (r.GetString(0), r.GetGuid(1)), ct))
        {
            ids.TryAdd(name, id);
        }

        return ids;
    }

    public Task<IReadOnlyList<Theme>> GetThemesAsync(WorkspaceId workspace, CancellationToken ct) => ReadAsync<IReadOnlyList<Theme>>(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command($"SELECT {Rows.ThemeColumns} FROM themes t WHERE t.workspace_id = @w ORDER BY t.name")
            .With("@w", workspace.Value);
        return await command.ListAsync(Rows.Theme, ct);
    }, ct);

    public Task<Theme?> FindThemeAsync(WorkspaceId workspace, string nameOrAlias, CancellationToken ct) => ReadAsync(async ct =>
    {
        if (ThemeName.Normalise(nameOrAlias) is not { } name)
        {
            return null;
        }

        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command($"""
            SELECT {Rows.ThemeColumns}
              FROM themes t
             WHERE t.workspace_id = @w
               AND (t.name = @name
                    OR t.id IN (SELECT a.theme_id FROM theme_aliases a WHERE a.workspace_id = @w AND a.alias = @name))
            """)
            .With("@w", workspace.Value)
            .With("@name", name);
        return await command.SingleOrDefaultAsync(Rows.Theme, ct);
    }, ct);

    public async Task<Theme> MergeThemesAsync(WorkspaceId workspace, Theme from, Theme into, CancellationToken ct)
    {
        if (from.Id == into.Id)
        {
            throw new ArgumentException($"#{from.Name} cannot be merged into itself.", nameof(into));
        }

        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var target = await ThemeAsync(connection, transaction, workspace, into.Id, ct)
            ?? throw new InvalidOperationException($"#{into.Name} is not a theme in this workspace.");
        var source = await ThemeAsync(connection, transaction, workspace, from.Id, ct);
        if (source is null)
        {
            // Merged before (a retry, or two people at once): from's name already leads to into.
            return target.Aliases.Contains(from.Name)
                ? target
                : throw new InvalidOperationException($"#{from.Name} is not a theme in this workspace.");
        }

        // Links come first: a signal tagged with both keeps one link, the one named first, so that every signal keeps
        // its row at position 0 (which counts it in the rankings); then the theme row can go.
        await using var merge = connection.Command("""
            DELETE FROM signal_themes
             WHERE workspace_id = @w AND theme_id IN (@from, @into)
               AND EXISTS (SELECT 1 FROM signal_themes x
                            WHERE x.workspace_id = @w AND x.signal_id = signal_themes.signal_id
                              AND x.theme_id IN (@from, @into) AND x.position < signal_themes.position);
            UPDATE signal_themes SET theme_id = @into WHERE workspace_id = @w AND theme_id = @from;
            UPDATE theme_aliases SET theme_id = @into WHERE workspace_id = @w AND theme_id = @from;
            INSERT INTO theme_aliases (workspace_id, alias, theme_id) VALUES (@w, @from_name, @into)
                ON CONFLICT (workspace_id, alias) DO UPDATE SET theme_id = excluded.theme_id;
            DELETE FROM themes WHERE workspace_id = @w AND id = @from;
            """, transaction)
            .With("@w", workspace.Value)
            .With("@from", source.Id)
            .With("@into", target.Id)
            .With("@from_name", source.Name);
        await merge.ExecuteNonQueryAsync(ct);

        var merged = await ThemeAsync(connection, transaction, workspace, target.Id, ct);
        await transaction.CommitAsync(ct);
        return merged!; // read in the same transaction that found it
    }

    public async Task<Theme?> RenameThemeAsync(WorkspaceId workspace, Theme theme, string name, CancellationToken ct)
    {
        var wanted = ThemeName.Normalise(name) ?? throw new ArgumentException($"\"{name}\" cannot be a theme name.", nameof(name));
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var current = await ThemeAsync(connection, transaction, workspace, theme.Id, ct)
            ?? throw new InvalidOperationException($"#{theme.Name} is not a theme in this workspace.");
        await using var taken = connection.Command("""
            SELECT 1 FROM themes WHERE workspace_id = @w AND name = @name AND id <> @id
            UNION ALL
            SELECT 1 FROM theme_aliases WHERE workspace_id = @w AND alias = @name AND theme_id <> @id
            """, transaction)
            .With("@w", workspace.Value)
            .With("@id", current.Id)
            .With("@name", wanted);
        if (await taken.ExecuteScalarAsync(ct) is not null)
        {
            return null;
        }

        if (current.Name != wanted)
        {
            // The old name becomes an alias, as a merge keeps it, so captures, filters and digests naming it still land here.
            await using var rename = connection.Command("""
                DELETE FROM theme_aliases WHERE workspace_id = @w AND alias = @name;
                UPDATE themes SET name = @name WHERE workspace_id = @w AND id = @id;
                INSERT INTO theme_aliases (workspace_id, alias, theme_id) VALUES (@w, @old, @id);
                """, transaction)
                .With("@w", workspace.Value)
                .With("@id", current.Id)
                .With("@name", wanted)
                .With("@old", current.Name);
            await rename.ExecuteNonQueryAsync(ct);
        }

        var renamed = await ThemeAsync(connection, transaction, workspace, current.Id, ct);
        await transaction.CommitAsync(ct);
        return renamed!; // read in the same transaction that changed it
    }

    public async Task<Theme> SetThemeStatusAsync(
        WorkspaceId workspace, Theme theme, ThemeStatus status, DateTimeOffset? at, string? note, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var update = connection.Command("""
            UPDATE themes SET status = @status, status_at = @status_at, status_note = @status_note
             WHERE workspace_id = @w AND id = @id
            """, transaction)
            .With("@w", workspace.Value)
            .With("@id", theme.Id)
            .With("@status", Rows.Word(status))
            .With("@status_at", at is { } time ? Rows.Millis(time) : null)
            .With("@status_note", note);
        if (await update.ExecuteNonQueryAsync(ct) == 0)
        {
            throw new InvalidOperationException($"#{theme.Name} is not a theme in this workspace.");
        }

        var updated = await ThemeAsync(connection, transaction, workspace, theme.Id, ct);
        await transaction.CommitAsync(ct);
        return updated!; // updated in this transaction a moment ago
    }

    public abstract Task<bool> AcceptsWritesAsync(CancellationToken ct);

    public Task<bool> PingAsync(CancellationToken ct) => ReadAsync(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("SELECT 1");
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct)) == 1;
    }, ct);

    private static async Task<Theme?> ThemeAsync(
        DbConnection connection, DbTransaction transaction, WorkspaceId workspace, Guid id, CancellationToken ct)
    {
        await using var command = connection.Command($"SELECT {Rows.ThemeColumns} FROM themes t WHERE t.workspace_id = @w AND t.id = @id", transaction)
            .With("@w", workspace.Value)
            .With("@id", id);
        return await command.SingleOrDefaultAsync(Rows.Theme, ct);
    }
}
