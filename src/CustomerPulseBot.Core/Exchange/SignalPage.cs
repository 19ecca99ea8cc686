using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Core.Exchange;

/// <summary>A page of signals, newest first; <paramref name="Next"/> is null on the last page.</summary>
public sealed record SignalPage(IReadOnlyList<Signal> Items, SignalCursor? Next);
