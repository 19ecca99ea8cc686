namespace CustomerPulseBot.Core.Views;

/// <summary>Every theme in the workspace, with its signal count over <paramref name="RecentLabel"/>.</summary>
public sealed record ThemeListView(IReadOnlyList<ThemeSummary> Themes, string RecentLabel) : View;
