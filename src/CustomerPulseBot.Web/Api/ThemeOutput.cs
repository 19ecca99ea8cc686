using CustomerPulseBot.Core.Themes;

namespace CustomerPulseBot.Web.Api;

/// <summary>A theme, the other names it answers to, its status, and its signals over the list's recent period.</summary>
internal sealed record ThemeOutput(string Name, IReadOnlyList<string> Aliases, ThemeStatus Status, DateTimeOffset? StatusAt, string? StatusNote, int RecentSignals);
