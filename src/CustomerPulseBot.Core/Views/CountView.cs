using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Customers;
using CustomerPulseBot.Core.Trends;

namespace CustomerPulseBot.Core.Views;

/// <summary>
/// "How many …": <paramref name="Signals"/> signals from <paramref name="Customers"/> distinct named customers in
/// the period, split by theme (null theme: untagged) and by customer. <paramref name="Searched"/> names the
/// words counted, when the question was about words rather than a theme.
/// </summary>
public sealed record CountView(
    string PeriodLabel,
    string Dates,
    QueryFilters Filters,
    string? Searched,
    int Signals,
    int Customers,
    IReadOnlyList<ThemeStats> ByTheme,
    IReadOnlyList<CustomerStats> ByCustomer) : View;
