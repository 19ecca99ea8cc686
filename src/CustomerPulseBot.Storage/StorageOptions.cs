using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage;

/// <summary>The "Storage" section: which database keeps the signals.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>The most <see cref="Timeout"/> may be: the time a reply's work has (Core's <see cref="ReplyDeadline"/>).</summary>
    public static readonly TimeSpan MaxTimeout = ReplyDeadline.Work;

    /// <summary><c>sqlite</c> (the default: an embedded file) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>The SQLite file; a relative path is taken from the working directory.</summary>
    public string SqlitePath { get; set; } = "customerpulse.db";

    /// <summary>
    /// How long start-up keeps trying a database it cannot reach yet (PostgreSQL still starting, a SQLite file locked by
    /// another process), with a log line per try, before it gives up.
    /// </summary>
    public TimeSpan StartupWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest one database call waits: opening a PostgreSQL connection, one statement, or SQLite's write lock
    /// (its busy timeout). It replaces Timeout, Command Timeout and Cancellation Timeout in the connection string.
    /// Migrations at start-up are not held to it. At most the time a reply's work has, so that a database that does not
    /// answer fails a capture before the reply must go, and the reply can say nothing was saved.
    /// </summary>
    public TimeSpan Timeout { get; set; } = MaxTimeout;

    /// <summary>
    /// <c>ConnectionStrings:Pulse</c>, copied in by <see cref="StorageSetup"/>. Not bound from this section
    /// (the setter is internal), and never logged: it usually carries a password.
    /// </summary>
    public string? ConnectionString { get; internal set; }

    public bool UsesPostgres => string.Equals(Provider?.Trim(), Postgres, StringComparison.OrdinalIgnoreCase);

    public bool UsesSqlite => string.Equals(Provider?.Trim(), Sqlite, StringComparison.OrdinalIgnoreCase);
}
