using CustomerPulseBot.Core.Customers;
using CustomerPulseBot.Core.Exchange;

namespace CustomerPulseBot.Web.Api.Csv;

/// <summary>A customers CSV as read: a profile per record, the line each starts on, and every cell that could not be read.</summary>
internal sealed record CustomerSheet(IReadOnlyList<CustomerProfile> Customers, IReadOnlyList<int> Lines, IReadOnlyList<RowError> Errors);
