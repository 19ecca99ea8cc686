using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CustomerPulseBot.Storage;

/// <summary>PostgreSQL for several hosts behind a load balancer; connections come from one pooled data source.</summary>
internal sealed partial class PostgresPulseStore(NpgsqlDataSource dataSource, NpgsqlConnectionStringBuilder settings, TimeProvider clock)
    : SqlPulseStore(clock), IDisposable, IAsyncDisposable
{
    /// <summary>
    /// The advisory lock every host takes before migrating (released at commit). Any constant works as long
    /// as nothing else in the database uses it; this one spells "pulse" in ASCII.
    /// </summary>
    internal const long MigrationLock = 0x70_75_6c_73_65;

    /// <summary>The advisory lock a host holds while it opens the Data Protection key ring: "pulsek" in ASCII.</summary>
    internal const long KeyRingLock = 0x70_75_6c_73_65_6b;

    /// <summary>
    /// A store on a data source of its own. Statements are prepared automatically unless the connection
    /// string sets Max Auto Prepare itself: the store sends the same few statements all day, and planning
    /// the ranking queries anew each time costs about as much as running them. Connections skip the session
    /// reset when they go back to the pool: the store never changes session state (no SET, no LISTEN, advisory
    /// locks only per transaction), and a capture borrows a connection twice, so the reset would cost the
    /// server two extra statements per capture for nothing. With a <paramref name="timeout"/> (Storage:Timeout),
    /// opening a connection, a statement and the wait for a cancelled one each give up after it; without one
    /// (bulk loads) the connection string's own timeouts apply.
    /// </summary>
    public static PostgresPulseStore Create(string connectionString, TimeProvider clock, TimeSpan? timeout = null)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        }

        builder.ConnectionStringBuilder.NoResetOnClose = true;
        if (timeout is { } limit)
        {
            // Whole seconds, at least one: Npgsql's unit, where 0 would mean no limit at all.
            var seconds = Math.Max(1, (int)Math.Ceiling(limit.TotalSeconds));
            builder.ConnectionStringBuilder.Timeout = seconds;
            builder.ConnectionStringBuilder.CommandTimeout = seconds;
            builder.ConnectionStringBuilder.CancellationTimeout = (int)limit.TotalMilliseconds;
        }

        return new PostgresPulseStore(builder.Build(), builder.ConnectionStringBuilder, clock);
    }

    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken ct) =>
        await dataSource.OpenConnectionAsync(ct);

    /// <summary>
    /// The server ended the session (57P01 when it shuts down or restarts, 57P02 after a crash, 57P03 while it
    /// starts), the connection broke (a pooled one the server closed while it sat idle) or could not be opened
    /// (refused). A timeout is not among them: a server that does not answer will not answer a second try either.
    /// </summary>
    protected override bool IsDroppedConnection(Exception e) => e switch
    {
        PostgresException p => p.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            or PostgresErrorCodes.CannotConnectNow || p.SqlState.StartsWith("08", StringComparison.Ordinal),
        NpgsqlException { InnerException: IOException or SocketException } => true,
        _ => false,
    };

    /// <summary>
    /// The connections pooled beside a dropped one were most likely dropped with it (a restart ends them all):
    /// closed now, so the second try gets a new one. Npgsql clears the pool itself on 57P01, not on a broken socket.
    /// </summary>
    protected override void ForgetConnections() => dataSource.Clear();

    /// <summary>
    /// An ERROR answer: the statement failed and its transaction was rolled back, the session goes on. A FATAL one
    /// ends the session, and may come after the commit was done (the shutdown is noticed while the answer is sent).
    /// </summary>
    protected override bool RefusedToCommit(Exception e) => e is PostgresException { InvariantSeverity: "ERROR" };

    /// <summary>The search vector is a generated column: it goes with its row.</summary>
    protected override string ForgetSearchSql(string erased) => "";

    /// <summary>
    /// Relevance divides by the log of the quote's length (normalization 1), as SQLite's bm25 weighs length: a
    /// short quote about the words comes before a long one that mentions them once.
    /// </summary>
    protected override string FindByTextSql(DbCommand command, IReadOnlyList<string> words, string columns, string where) => $"""
        SELECT {columns}
          FROM signals s
         WHERE {where} AND {TextCondition(command, words, "s.id")}
         ORDER BY ts_rank(s.search_vector, {Query(command, words)}, 1) DESC, s.said_at DESC, s.id DESC
         LIMIT @limit
        """;

    /// <summary>
    /// What signals_by_words indexes (migration 0007): a signal's words and one more lexeme naming its workspace, which
    /// has a space in it, so no word typed can be it (plainto_tsquery splits at spaces).
    /// </summary>
    private const string IndexedWords = "(x.search_vector || array_to_tsvector(ARRAY['workspace ' || x.workspace_id::text]))";

    /// <summary>
    /// The workspace's matching ids as an array computed once (an InitPlan) and unnested, so that the plan looks
    /// them up by id: a generic prepared plan guesses that a period holds a handful of signals, and joined to the
    /// match or with a plain IN it read all 100,000 of a 90-day period. The index finds the words in the workspace
    /// (its lexeme is one more word to match), so only its own matches are read from the table: matching the words
    /// alone read every workspace's, ten times as many rows of 1,000,000 signals. "IS TRUE" keeps the workspace off
    /// its btree index.
    /// </summary>
    protected override string TextCondition(DbCommand command, IReadOnlyList<string> words, string idColumn) => $"""
        {idColumn} IN (SELECT unnest(ARRAY(SELECT x.id FROM signals x
                                            WHERE {IndexedWords} @@ {Query(command, words, inWorkspace: true)}
                                              AND (x.workspace_id = @w) IS TRUE)))
        """;

    /// <summary>
    /// Each word stemmed in English or as written (migration 0007 indexes both), every word required, as a
    /// sub-select: computed once per query (an InitPlan), where the bare expression would be parsed again for every
    /// row once the statement runs as a generic prepared plan. plainto_tsquery reads its argument as text, never
    /// as tsquery syntax, so no input can change the query.
    /// </summary>
    private static string Query(DbCommand command, IReadOnlyList<string> words, bool inWorkspace = false) =>
        "(SELECT " + string.Join(" && ", words.Select((word, i) =>
        {
            if (!command.Parameters.Contains($"@word{i}"))
            {
                command.With($"@word{i}", word);
            }

            return $"(plainto_tsquery('english', @word{i}) || plainto_tsquery('simple', @word{i}))";
        })) + (inWorkspace ? " && quote_literal('workspace ' || @w::text)::tsquery" : "") + ")";

    /// <summary>
    /// Each theme of the workspace read on its own through signal_themes_by_theme (its rows of the period, already
    /// together), then the untagged: grouping the period's rows by theme instead sorted them all, and a prepared plan,
    /// guessing a period holds a few hundred rows, sorted 84,000 of 90 days on disk. The customer key is compared as
    /// bytes ("C"): the same distinct keys, since the database's collation is deterministic, counted faster.
    /// </summary>
    protected override string ThemeStatsSql(string where)
    {
        var aggregates = ThemeAggregates("f.customer_key COLLATE \"C\"");
        return $"""
            SELECT g.name, g.signals, g.customers, g.anonymous, g.days, g.severity_sum, g.severity_max, g.firsts
              FROM (SELECT th.name, a.*
                      FROM {HalfOfThemes} th
                     CROSS JOIN LATERAL (SELECT {aggregates} FROM signal_themes f WHERE {where} AND f.theme_id = th.id) a
                    UNION ALL
                    SELECT NULL, {aggregates} FROM signal_themes f WHERE {where} AND f.theme_id IS NULL AND @half = 1) g
             WHERE g.signals > 0
            """;
    }

    /// <summary>A standby, or a database set read-only (default_transaction_read_only), starts every transaction read-only.</summary>
    public override Task<bool> AcceptsWritesAsync(CancellationToken ct) => ReadAsync(async ct =>
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.Command("SELECT current_setting('transaction_read_only') = 'off'");
        return await command.ExecuteScalarAsync(ct) is true;
    }, ct);

    public override async Task MigrateAsync(ILogger logger, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var migrationLock = new SchemaMigrator.Lock($"SELECT pg_try_advisory_xact_lock({MigrationLock})", $"SELECT pg_advisory_xact_lock({MigrationLock})");
        await SchemaMigrator.MigrateAsync(connection, "Postgres", migrationLock, Setting, Clock, logger, ct);
    }

    /// <summary>
    /// Held for the transaction (the pool does not reset sessions, so never a session lock) on a connection of its own,
    /// while <paramref name="open"/> reads and writes the ring on others. Another host opens it in a few milliseconds,
    /// so the wait has no limit of its own, as the migration lock's has none.
    /// </summary>
    public override async Task WithKeyRingLockAsync(Action open, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var take = connection.Command($"SELECT pg_advisory_xact_lock({KeyRingLock})", transaction);
        take.CommandTimeout = 0;
        await take.ExecuteNonQueryAsync(ct);
        open();
        await transaction.CommitAsync(ct);
    }

    public override string Setting => "ConnectionStrings:Pulse";

    /// <summary>Server, user and database by name, never the password; the reasons come from the server or the socket.</summary>
    public override StartupProblem? Explain(Exception e)
    {
        var server = $"PostgreSQL at {settings.Host}:{settings.Port}";
        return e switch
        {
            PostgresException { SqlState: PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.AdminShutdown } p =>
                new($"{server} does not take connections yet ({p.MessageText}); {Setting} names it", Retry: true),
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } p =>
                new($"{server} refused user \"{settings.Username}\" ({p.MessageText}): check Username and Password in {Setting}", Retry: false),
            PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } p =>
                new($"{server} has no database \"{settings.Database}\" ({p.MessageText}): create it, or fix Database in {Setting}", Retry: false),
            PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ReadOnlySqlTransaction } p =>
                new($"{server} does not let user \"{settings.Username}\" create tables in database \"{settings.Database}\" ({p.MessageText}): grant it, or fix {Setting}", Retry: false),
            PostgresException => null,
            NpgsqlException { InnerException: (SocketException or TimeoutException or IOException) and var reason } =>
                new($"Cannot reach {server} ({reason.Message}): start the database, or fix Host and Port in {Setting}", Retry: true),
            NpgsqlException n => new($"Cannot connect to {server} ({n.Message}): check {Setting}", Retry: false),
            _ => null,
        };
    }

    public void Dispose() => dataSource.Dispose();

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
