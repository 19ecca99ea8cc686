using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Core.Trends;

/// <summary>Aggregates for one journey stage (null: signals without a stage); <paramref name="Customers"/> counts distinct named customers.</summary>
public sealed record StageStats(JourneyStage? Stage, int Signals, int Customers, double AverageSeverity, int MaxSeverity);
