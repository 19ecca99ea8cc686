using CustomerPulseBot.Core.Commands;

namespace CustomerPulseBot.Core.Views;

/// <summary>Friction trends: themes this period against the previous period of equal length.</summary>
public sealed record TrendsView(
    string PeriodLabel,
    QueryFilters Filters,
    IReadOnlyList<ThemeTrend> New,
    IReadOnlyList<ThemeTrend> Rising,
    IReadOnlyList<ThemeTrend> Falling) : View;
