using CustomerPulseBot.Core.Exchange;

namespace CustomerPulseBot.Web.Api.Csv;

/// <summary>
/// A customers CSV as read: a customer per record, as the JSON form takes one (and checked by the same rules), the line
/// each starts on, and the cells that could not be read at all (an arr that is not a number).
/// </summary>
internal sealed record CustomerSheet(IReadOnlyList<CustomerInput> Customers, IReadOnlyList<int> Lines, IReadOnlyList<RowError> Errors);
