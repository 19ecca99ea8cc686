using CustomerPulseBot.Core.Customers;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core;

/// <summary>
/// Everything Core keeps. Every method but the first takes the workspace first and sees nothing
/// outside it. Theme names given to any method may be aliases: the store answers with canonical names.
/// </summary>
public interface IPulseStore
{
    /// <summary>Finds the workspace for a platform's team or tenant id, creating it on first contact.</summary>
    Task<Workspace> ResolveWorkspaceAsync(Platform platform, string externalId, string name, CancellationToken ct);

    Task<Workspace?> GetWorkspaceAsync(WorkspaceId workspace, CancellationToken ct);

    /// <summary>
    /// Changes the workspace's time zone (an IANA id), first day of the week, auto-tagging or masking of personal data, or
    /// several; null leaves one as it is. Returns the workspace as stored.
    /// </summary>
    Task<Workspace> SaveWorkspaceSettingsAsync(
        WorkspaceId workspace, string? timeZone, DayOfWeek? weekStart, bool? autoTag, bool? redact, CancellationToken ct);

    /// <summary>
    /// Stores the signal and its theme links in one transaction, creating themes it names for the first
    /// time and storing aliases under their canonical theme. Returns the names it created. It returns when
    /// <paramref name="ct"/> is cancelled, whatever the database does: with an <see cref="OperationCanceledException"/>
    /// when the signal was not sent to be committed (and then never is), with a <see cref="SaveUnconfirmedException"/>
    /// when it was sent and no answer came.
    /// </summary>
    Task<IReadOnlyList<string>> AddSignalAsync(WorkspaceId workspace, Signal signal, CancellationToken ct);

    /// <summary>
    /// The newest undeleted signal <paramref name="userId"/> captured since <paramref name="since"/> with exactly this
    /// quote and the same customer (by its key, or both without one), or null: the same capture sent again. Only the
    /// person's 20 newest captures are compared, so the look costs the same however many they sent.
    /// </summary>
    Task<Signal?> FindSameCaptureAsync(
        WorkspaceId workspace, string userId, string quote, string? customer, DateTimeOffset since, CancellationToken ct);

    /// <summary>The signal, or null when there is none or it was deleted (deleted signals are never seen).</summary>
    Task<Signal?> GetSignalAsync(WorkspaceId workspace, Guid signalId, CancellationToken ct);

    /// <summary>
    /// Matching signals, newest first (by said-at), at most <paramref name="limit"/>; with a text filter, the most
    /// relevant first and then the newest.
    /// </summary>
    Task<IReadOnlyList<Signal>> FindSignalsAsync(WorkspaceId workspace, SignalFilter filter, int limit, CancellationToken ct);

    Task<int> CountSignalsAsync(WorkspaceId workspace, SignalFilter filter, CancellationToken ct);

    /// <summary>One row per theme with signals in the filter, plus one with a null theme for untagged signals.</summary>
    Task<IReadOnlyList<ThemeStats>> GetThemeStatsAsync(WorkspaceId workspace, SignalFilter filter, CancellationToken ct);

    /// <summary>
    /// The theme stats of <paramref name="filter"/> (which must have a range) and of the same filter over
    /// <paramref name="previous"/>, and the count of signals in <paramref name="filter"/>: the same figures as
    /// <see cref="GetThemeStatsAsync"/> twice and <see cref="CountSignalsAsync"/>, read in one pass.
    /// </summary>
    Task<PeriodThemeStats> GetPeriodThemeStatsAsync(WorkspaceId workspace, SignalFilter filter, DateRange previous, CancellationToken ct);

    /// <summary>
    /// Up to <paramref name="perTheme"/> most telling signals for each named theme (null: untagged) within
    /// the filter: highest severity first, then those with a named customer, then with evidence, then newest.
    /// </summary>
    Task<IReadOnlyList<Signal>> GetTellingSignalsAsync(
        WorkspaceId workspace, SignalFilter filter, IReadOnlyList<string?> themes, int perTheme, CancellationToken ct);

    Task<IReadOnlyList<Theme>> GetThemesAsync(WorkspaceId workspace, CancellationToken ct);

    /// <summary>The theme with this name or alias, or null.</summary>
    Task<Theme?> FindThemeAsync(WorkspaceId workspace, string nameOrAlias, CancellationToken ct);

    /// <summary>
    /// Moves every signal of <paramref name="from"/> to <paramref name="into"/> and makes from (and its
    /// aliases) aliases of into, in one transaction. Both must exist; returns the merged theme.
    /// </summary>
    Task<Theme> MergeThemesAsync(WorkspaceId workspace, Theme from, Theme into, CancellationToken ct);

    /// <summary>
    /// Gives <paramref name="theme"/> the name <paramref name="name"/> (normalised) and keeps its old name as an alias, in
    /// one transaction; one of its own aliases may become its name again. Returns the renamed theme, or null when the
    /// name belongs to another theme (its name or alias). Throws when the theme is gone.
    /// </summary>
    Task<Theme?> RenameThemeAsync(WorkspaceId workspace, Theme theme, string name, CancellationToken ct);

    Task<Theme> SetThemeStatusAsync(
        WorkspaceId workspace, Theme theme, ThemeStatus status, DateTimeOffset? at, string? note, CancellationToken ct);

    /// <summary>
    /// Replaces an existing signal's fields and theme links (same id, same capture time), creating themes it
    /// names for the first time. Returns the names it created; throws when the signal is gone or deleted.
    /// </summary>
    Task<IReadOnlyList<string>> UpdateSignalAsync(WorkspaceId workspace, Signal signal, CancellationToken ct);

    /// <summary>
    /// Marks the signal deleted by <paramref name="by"/> at <paramref name="at"/>: from then on no answer, count or
    /// digest sees it; the row keeps who deleted it and when. False when there was no such undeleted signal.
    /// </summary>
    Task<bool> DeleteSignalAsync(WorkspaceId workspace, Guid signalId, ChatUser by, DateTimeOffset at, CancellationToken ct);

    /// <summary>The newest undeleted signal the person captured in the workspace (by capture time), or null.</summary>
    Task<Signal?> FindLastCaptureAsync(WorkspaceId workspace, string userId, CancellationToken ct);

    /// <summary>
    /// Undeleted signals whose id is <paramref name="reference"/>, or ends with it (the short form
    /// <see cref="Signal.ShortId"/>, at least 6 hex digits, any case); several when it is ambiguous.
    /// </summary>
    Task<IReadOnlyList<Signal>> FindSignalsByReferenceAsync(WorkspaceId workspace, string reference, CancellationToken ct);

    /// <summary>
    /// The named customers behind the filtered signals, most signals first: each with its count and latest
    /// quote, at most <paramref name="limit"/>, and how many there are in all. Unnamed customers are not customers.
    /// </summary>
    Task<CustomerList> GetCustomerStatsAsync(WorkspaceId workspace, SignalFilter filter, int limit, CancellationToken ct);

    /// <summary>One row per journey stage with signals in the filter (null stage: signals without one).</summary>
    Task<IReadOnlyList<StageStats>> GetStageStatsAsync(WorkspaceId workspace, SignalFilter filter, CancellationToken ct);

    /// <summary>
    /// Makes every signal of customer <paramref name="from"/> count for <paramref name="into"/> (case-insensitive
    /// names), and later captures naming from land there too. Returns how many signals moved.
    /// </summary>
    Task<int> MergeCustomersAsync(WorkspaceId workspace, string from, string into, CancellationToken ct);

    /// <summary>
    /// Erases every signal of the customer (named as the customer filter names it: in any case, or by a name merged into
    /// it), deleted and merged ones too, with their theme links, vectors, search entries, spellings and merged names, for
    /// good, in one transaction. A near-duplicate of another customer merged into one of them stands on its own again.
    /// Returns how many signals there were, counted as every answer counts them (undeleted, a merged near-duplicate
    /// with its original).
    /// </summary>
    Task<int> ForgetCustomerAsync(WorkspaceId workspace, string customer, CancellationToken ct);

    /// <summary>True when the database answers a trivial query: for health checks.</summary>
    Task<bool> PingAsync(CancellationToken ct);

    /// <summary>
    /// True when a write would be taken now: false when the database is read-only, or (SQLite) another process holds
    /// the write lock longer than the store waits for it. Writes nothing: for health checks.
    /// </summary>
    Task<bool> AcceptsWritesAsync(CancellationToken ct);
}
