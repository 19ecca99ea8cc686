using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;

namespace CustomerPulseBot.Core.Views;

/// <summary>
/// One row of a pain-point ranking, with the quotes that tell it best. <paramref name="Revenue"/> is the annual revenue of
/// the distinct customers behind it whose revenue is known (<paramref name="RevenueCustomers"/> of them); null when none is.
/// </summary>
public sealed record RankedTheme(
    int Rank,
    string Theme,
    ThemeStatus Status,
    int Signals,
    int Customers,
    int Days,
    Severity MaxSeverity,
    int PreviousSignals,
    TrendDirection Trend,
    IReadOnlyList<Signal> Quotes,
    decimal? Revenue = null,
    int RevenueCustomers = 0);
