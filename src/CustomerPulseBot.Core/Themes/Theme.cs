using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Themes;

/// <summary>
/// A named grouping of signals. <paramref name="Aliases"/> are names merged into this one: a signal
/// tagged with an alias counts for this theme. <paramref name="StatusAt"/> is the ship (or plan) date.
/// </summary>
public sealed record Theme(
    Guid Id,
    WorkspaceId WorkspaceId,
    string Name,
    IReadOnlyList<string> Aliases,
    ThemeStatus Status,
    DateTimeOffset? StatusAt,
    string? StatusNote,
    DateTimeOffset CreatedAt);
