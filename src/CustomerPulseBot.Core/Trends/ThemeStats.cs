namespace CustomerPulseBot.Core.Trends;

/// <summary>
/// Aggregates for one theme over a filtered set of signals. <paramref name="Theme"/> is null for the
/// signals that carry no theme. <paramref name="Customers"/> counts distinct named customers
/// (case-insensitive); <paramref name="Anonymous"/> counts signals with no customer named;
/// <paramref name="Days"/> counts distinct UTC days with a signal.
/// </summary>
public sealed record ThemeStats(
    string? Theme,
    int Signals,
    int Customers,
    int Anonymous,
    int Days,
    double AverageSeverity,
    int MaxSeverity);
