using System.Data.Common;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CustomerPulseBot.Storage;

/// <summary>PostgreSQL for several hosts behind a load balancer; connections come from one pooled data source.</summary>
internal sealed class PostgresPulseStore(NpgsqlDataSource dataSource, TimeProvider clock) : SqlPulseStore(clock), IDisposable, IAsyncDisposable
{
    /// <summary>
    /// The advisory lock every host takes before migrating (released at commit). Any constant works as long
    /// as nothing else in the database uses it; this one spells "pulse" in ASCII.
    /// </summary>
    private const long MigrationLock = 0x70_75_6c_73_65;

    /// <summary>
    /// A store on a data source of its own. Statements are prepared automatically unless the connection
    /// string sets Max Auto Prepare itself: the store sends the same few statements all day, and planning
    /// the ranking queries anew each time costs about as much as running them. Connections skip the session
    /// reset when they go back to the pool: the store never changes session state (no SET, no LISTEN, advisory
    /// locks only per transaction), and a capture borrows a connection twice, so the reset would cost the
    /// server two extra statements per capture for nothing.
    /// </summary>
    public static PostgresPulseStore Create(string connectionString, TimeProvider clock)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        }

        builder.ConnectionStringBuilder.NoResetOnClose = true;

        return new PostgresPulseStore(builder.Build(), clock);
    }

    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken ct) =>
        await dataSource.OpenConnectionAsync(ct);

    /// <summary>
    /// Each word stemmed in English or as written (migration 0007 indexes both), every word required.
    /// plainto_tsquery reads its argument as text, never as tsquery syntax, so no input can change the query.
    /// Relevance divides by the log of the quote's length (normalization 1), as SQLite's bm25 weighs length:
    /// a short quote about the words comes before a long one that mentions them once.
    /// </summary>
    protected override string TextMatches(DbCommand command, IReadOnlyList<string> words)
    {
        var query = Query(command, words);
        return $"""
            SELECT q.id AS signal_id, ts_rank(q.search_vector, {query}, 1) AS relevance
              FROM signals q
             WHERE q.workspace_id = @w AND q.search_vector @@ {query}
            """;
    }

    /// <summary>
    /// The matching ids as an array computed once (an InitPlan) and unnested, so the plan looks them up instead of
    /// testing every signal of the period: a generic prepared plan guesses that a period holds a handful of rows,
    /// and with a plain IN it checked each of 100,000 signals against the match. The caller keeps to its workspace.
    /// </summary>
    protected override string TextCondition(DbCommand command, IReadOnlyList<string> words, string idColumn) =>
        $"{idColumn} IN (SELECT unnest(ARRAY(SELECT x.id FROM signals x WHERE x.search_vector @@ {Query(command, words)})))";

    /// <summary>
    /// The tsquery of every word, as a sub-select: computed once per query (an InitPlan), where the bare
    /// expression would be parsed again for every row once the statement runs as a generic prepared plan.
    /// </summary>
    private static string Query(DbCommand command, IReadOnlyList<string> words) =>
        "(SELECT " + string.Join(" && ", words.Select((word, i) =>
        {
            command.With($"@word{i}", word);
            return $"(plainto_tsquery('english', @word{i}) || plainto_tsquery('simple', @word{i}))";
        })) + ")";

    public override async Task MigrateAsync(ILogger logger, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await SchemaMigrator.MigrateAsync(connection, "Postgres", $"SELECT pg_advisory_xact_lock({MigrationLock})", Clock, logger, ct);
    }

    public void Dispose() => dataSource.Dispose();

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
