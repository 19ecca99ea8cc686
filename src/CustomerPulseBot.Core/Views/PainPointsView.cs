using CustomerPulseBot.Core.Commands;

namespace CustomerPulseBot.Core.Views;

/// <summary>
/// "Top pain points": themes ranked for a period. <paramref name="MoreThemes"/> counts ranked themes
/// left out of <paramref name="Themes"/>; <paramref name="TotalSignals"/> counts every friction signal in the period.
/// </summary>
public sealed record PainPointsView(
    string PeriodLabel,
    QueryFilters Filters,
    IReadOnlyList<RankedTheme> Themes,
    int MoreThemes,
    UntaggedSignals Untagged,
    int TotalSignals) : View;
