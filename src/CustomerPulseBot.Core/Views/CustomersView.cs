using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Customers;

namespace CustomerPulseBot.Core.Views;

/// <summary>"Which customers …": the named customers behind a theme or words, most signals first, with their latest quote.</summary>
public sealed record CustomersView(
    string PeriodLabel,
    string Dates,
    QueryFilters Filters,
    string? Searched,
    CustomerList Customers) : View;
