namespace CustomerPulseBot.Core.Trends;

/// <summary>A resolved period and the previous period of equal length that trends compare it with.</summary>
public sealed record PeriodWindow(DateRange Current, DateRange Previous, string Label);
