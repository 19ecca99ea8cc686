using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Core.Views;

/// <summary>
/// Quotes matching the words (most relevant, then newest first) or the filters (newest first);
/// <paramref name="Total"/> counts all matches, shown or not. <paramref name="PeriodLabel"/> and
/// <paramref name="Dates"/> name the period searched (the last 90 days when none was asked for);
/// <paramref name="Filters"/> the filters applied (a theme for "all N quotes").
/// </summary>
public sealed record SearchResultsView(
    string Words,
    string? PeriodLabel,
    IReadOnlyList<Signal> Signals,
    int Total,
    string? Dates = null,
    QueryFilters? Filters = null) : View;
