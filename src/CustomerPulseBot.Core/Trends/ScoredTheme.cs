using CustomerPulseBot.Core.Views;

namespace CustomerPulseBot.Core.Trends;

public sealed record ScoredTheme(ThemeStats Stats, int PreviousSignals, TrendDirection Trend, double Score);
