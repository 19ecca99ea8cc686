namespace CustomerPulseBot.Core.Views;

public sealed record ThemeTrend(string Theme, int Signals, int PreviousSignals, int Customers, int PreviousCustomers);
