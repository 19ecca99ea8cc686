using CustomerPulseBot.Core.Commands;

namespace CustomerPulseBot.Core.Views;

/// <summary>
/// "Top pain points": themes ranked for a period. <paramref name="MoreThemes"/> counts ranked themes
/// left out of <paramref name="Themes"/>; <paramref name="TotalSignals"/> counts every friction signal in the period.
/// <paramref name="Dates"/> spells the period out ("Mon 30 Nov – Sun 6 Dec"), <paramref name="Comparison"/> says
/// what trends compare it with ("vs the same days of the week before"); <paramref name="ByRevenue"/>: ranked by the revenue of
/// the customers behind each theme first (<see cref="RankedTheme.Revenue"/>). <paramref name="Scope"/> is the period
/// and filters as command words ("between 30 Nov 2026 and 6 Dec 2026 segment:buyer"), so that
/// <c>search #theme {Scope}</c> lists all of a theme's quotes.
/// </summary>
public sealed record PainPointsView(
    string PeriodLabel,
    QueryFilters Filters,
    IReadOnlyList<RankedTheme> Themes,
    int MoreThemes,
    UntaggedSignals Untagged,
    int TotalSignals,
    string? Dates = null,
    string? Comparison = null,
    string? Scope = null,
    bool ByRevenue = false) : View
{
    /// <summary>The answer's title, which says when the ranking is by revenue.</summary>
    public string Title => ByRevenue ? "Top customer pain points by revenue" : "Top customer pain points";
}
