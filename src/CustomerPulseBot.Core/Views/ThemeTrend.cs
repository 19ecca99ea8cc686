using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Core.Views;

/// <summary>One theme's movement; <paramref name="Quote"/> is its most telling quote in the period, when one was read.</summary>
public sealed record ThemeTrend(string Theme, int Signals, int PreviousSignals, int Customers, int PreviousCustomers, Signal? Quote = null);
