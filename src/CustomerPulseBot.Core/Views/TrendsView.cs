using CustomerPulseBot.Core.Commands;

namespace CustomerPulseBot.Core.Views;

/// <summary>
/// Friction trends: themes this period against the previous period of equal length; a theme is new when it
/// had no signal in the 90 days before the period. <paramref name="Dates"/> and <paramref name="Comparison"/> as in <see cref="PainPointsView"/>.
/// </summary>
public sealed record TrendsView(
    string PeriodLabel,
    QueryFilters Filters,
    IReadOnlyList<ThemeTrend> New,
    IReadOnlyList<ThemeTrend> Rising,
    IReadOnlyList<ThemeTrend> Falling,
    string? Dates = null,
    string? Comparison = null) : View;
