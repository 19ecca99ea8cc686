using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Core.Views;

/// <summary>Friction at one journey stage (null: signals without a stage), with one telling quote.</summary>
public sealed record StageFriction(JourneyStage? Stage, int Signals, int Customers, double AverageSeverity, Signal? Quote);
