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
    /// Stores the signal and its theme links in one transaction, creating themes it names for the first
    /// time and storing aliases under their canonical theme. Returns the names it created.
    /// </summary>
    Task<IReadOnlyList<string>> AddSignalAsync(WorkspaceId workspace, Signal signal, CancellationToken ct);

    Task<Signal?> GetSignalAsync(WorkspaceId workspace, Guid signalId, CancellationToken ct);

    /// <summary>Matching signals, newest first (by said-at), at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Signal>> FindSignalsAsync(WorkspaceId workspace, SignalFilter filter, int limit, CancellationToken ct);

    Task<int> CountSignalsAsync(WorkspaceId workspace, SignalFilter filter, CancellationToken ct);

    /// <summary>One row per theme with signals in the filter, plus one with a null theme for untagged signals.</summary>
    Task<IReadOnlyList<ThemeStats>> GetThemeStatsAsync(WorkspaceId workspace, SignalFilter filter, CancellationToken ct);

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

    Task<Theme> SetThemeStatusAsync(
        WorkspaceId workspace, Theme theme, ThemeStatus status, DateTimeOffset? at, string? note, CancellationToken ct);

    /// <summary>True when the database answers a trivial query: for health checks.</summary>
    Task<bool> PingAsync(CancellationToken ct);
}
