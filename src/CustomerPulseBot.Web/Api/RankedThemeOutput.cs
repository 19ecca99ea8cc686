using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Views;

namespace CustomerPulseBot.Web.Api;

/// <summary>
/// One ranked theme of <c>top</c>: the chat answer's figures and its most telling quotes. <see cref="Revenue"/> is the annual
/// revenue of the distinct customers behind it whose revenue is known (<see cref="RevenueCustomers"/> of them); null when none is.
/// </summary>
internal sealed record RankedThemeOutput(
    int Rank,
    string Theme,
    ThemeStatus Status,
    int Signals,
    int Customers,
    int Days,
    Severity MaxSeverity,
    int PreviousSignals,
    TrendDirection Trend,
    IReadOnlyList<SignalOutput> Quotes,
    decimal? Revenue,
    int RevenueCustomers)
{
    public static RankedThemeOutput From(RankedTheme theme) => new(
        theme.Rank, theme.Theme, theme.Status, theme.Signals, theme.Customers, theme.Days, theme.MaxSeverity, theme.PreviousSignals,
        theme.Trend, theme.Quotes.Select(SignalOutput.From).ToList(), theme.Revenue, theme.RevenueCustomers);
}
