using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Storage;

/// <summary>
/// The embedded default: one SQLite file in WAL mode, so readers never wait for the one writer.
/// Transactions begin IMMEDIATE (Microsoft.Data.Sqlite's default), which takes the write lock up front, so
/// migrations and writes from several connections queue behind the busy timeout instead of failing: Storage:Timeout
/// (<paramref name="timeout"/>), or 30 s without one (bulk loads). Captures and edits queue in memory for the store's
/// <see cref="SqliteWriter"/> instead, which commits them in groups.
/// </summary>
internal sealed class SqlitePulseStore : SqlPulseStore, IDisposable, IAsyncDisposable
{
    private static readonly TimeSpan BulkBusyTimeout = TimeSpan.FromSeconds(30);

    private readonly string path;
    private readonly int busyMilliseconds;
    private readonly string connectionString;
    private readonly SqliteWriter writer;

    public SqlitePulseStore(string path, TimeProvider clock, TimeSpan? timeout = null)
        : base(clock)
    {
        this.path = path;
        busyMilliseconds = (int)(timeout ?? BulkBusyTimeout).TotalMilliseconds;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            ForeignKeys = true,
            Pooling = true,
            // Microsoft.Data.Sqlite retries a statement SQLite's busy handler (below) gave up on, every 150 ms, until this
            // many seconds have passed since it began (30 by default): one, the least it takes, so the busy timeout is the wait.
            DefaultTimeout = 1,
        }.ToString();
        writer = new SqliteWriter(OpenAsync);
    }

    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        // SQLite's own busy handler retries a locked write after 1, 2, 5, 10… ms; without it
        // Microsoft.Data.Sqlite retries in steps of 150 ms, which was the whole p99 of captures under load.
        await using var busy = connection.Command($"PRAGMA busy_timeout = {busyMilliseconds}");
        await busy.ExecuteNonQueryAsync(ct);
        return connection;
    }

    /// <summary>SQLite is one file on this machine: no connection to drop.</summary>
    protected override bool IsDroppedConnection(Exception e) => false;

    /// <summary>A COMMIT that fails leaves nothing written: SQLite's commit is atomic, and in this process.</summary>
    protected override bool RefusedToCommit(Exception e) => e is SqliteException;

    /// <summary>
    /// Takes the write lock and lets it go at once: false when the file cannot be written (read-only) or another
    /// connection holds the lock longer than the busy timeout.
    /// </summary>
    public override async Task<bool> AcceptsWritesAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await transaction.RollbackAsync(ct);
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    /// <summary>Queued for the one writer, whichever <paramref name="oneCommand"/>: each write gets a savepoint of the batch's transaction.</summary>
    protected override Task<T> WriteAsync<T>(
        Func<DbConnection, DbTransaction?, CancellationToken, Task<T>> write, bool oneCommand, CancellationToken ct) =>
        writer.WriteAsync(write, ct);

    protected override DbCommand Compiled(DbCommand built) => writer.Compiled(built);

    /// <summary>
    /// FTS5 over every workspace (the caller keeps to its own). Each word in double quotes is a string to find,
    /// never FTS5 syntax (NEAR, OR, *, column filters); quoted strings side by side must all match. bm25 is
    /// lower for better matches, hence negated.
    /// </summary>
    private static string TextMatches(DbCommand command, IReadOnlyList<string> words)
    {
        command.With("@search", string.Join(' ', words.Select(word => $"\"{word.Replace("\"", "\"\"")}\"")));
        return """
            SELECT r.signal_id, -bm25(signal_search) AS relevance
              FROM signal_search JOIN signal_search_rows r ON r.id = signal_search.rowid
             WHERE signal_search MATCH @search
            """;
    }

    /// <summary>Materialized, so that the match runs once: left to itself SQLite ran it again for every signal in range.</summary>
    protected override string FindByTextSql(DbCommand command, IReadOnlyList<string> words, string columns, string where) => $"""
        WITH m AS MATERIALIZED ({TextMatches(command, words)})
        SELECT {columns}
          FROM m
          JOIN signals s ON s.id = m.signal_id
         WHERE {where}
         ORDER BY m.relevance DESC, s.said_at DESC, s.id DESC
         LIMIT @limit
        """;

    protected override string TextCondition(DbCommand command, IReadOnlyList<string> words, string idColumn) =>
        $"{idColumn} IN (SELECT m.signal_id FROM ({TextMatches(command, words)}) m)";

    /// <summary>The FTS entries and the rows numbering them (see migration 0007); triggers handle only inserts and updates.</summary>
    protected override string ForgetSearchSql(string erased) => $"""
        DELETE FROM signal_search WHERE rowid IN (SELECT r.id FROM signal_search_rows r WHERE r.signal_id IN ({erased}));
        DELETE FROM signal_search_rows WHERE signal_id IN ({erased});
        """;

    public override string Setting => "Storage:SqlitePath";

    /// <summary>SQLite's result codes (sqlite.org/rescode.html): busy or locked passes once the other process lets go; the rest needs fixing.</summary>
    public override StartupProblem? Explain(Exception e) => e switch
    {
        SqliteException { SqliteErrorCode: Busy or Locked } =>
            new($"The SQLite file {path} is locked by another process; {Setting} names it", Retry: true),
        SqliteException { SqliteErrorCode: Permission or ReadOnly or IoError or Corrupt or Full or CannotOpen or NotADatabase } s =>
            new($"Cannot use the SQLite file {path} ({s.Message}): fix {Setting}, or the file and its folder", Retry: false),
        UnauthorizedAccessException or IOException =>
            new($"Cannot create the folder of the SQLite file {path} ({e.Message}): fix {Setting}", Retry: false),
        _ => null,
    };

    private const int Permission = 3;
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CannotOpen = 14;
    private const int NotADatabase = 26;

    public override async Task MigrateAsync(ILogger logger, CancellationToken ct)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = await OpenAsync(ct);
        // WAL is a property of the file and outlives the connection; it cannot change inside a transaction.
        await using (var wal = connection.Command("PRAGMA journal_mode = WAL"))
        {
            await wal.ExecuteNonQueryAsync(ct);
        }

        await SchemaMigrator.MigrateAsync(connection, "Sqlite", migrationLock: null, Setting, Clock, logger, ct);
    }

    /// <summary>Writes what is queued before the store goes.</summary>
    public ValueTask DisposeAsync() => writer.DisposeAsync();

    public void Dispose() => writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
