using CustomerPulseBot.Core.Views;

namespace CustomerPulseBot.Web.Api;

/// <summary>One theme's movement against the previous period, with its most telling quote.</summary>
internal sealed record ThemeTrendOutput(string Theme, int Signals, int PreviousSignals, int Customers, int PreviousCustomers, SignalOutput? Quote)
{
    public static ThemeTrendOutput From(ThemeTrend trend) => new(
        trend.Theme, trend.Signals, trend.PreviousSignals, trend.Customers, trend.PreviousCustomers,
        trend.Quote is { } quote ? SignalOutput.From(quote) : null);
}
