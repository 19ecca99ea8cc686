using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;

namespace CustomerPulseBot.Core.Views;

/// <summary>One row of a pain-point ranking, with the quotes that tell it best.</summary>
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
    IReadOnlyList<Signal> Quotes);
