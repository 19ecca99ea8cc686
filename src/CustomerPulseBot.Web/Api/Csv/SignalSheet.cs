using CustomerPulseBot.Core.Exchange;

namespace CustomerPulseBot.Web.Api.Csv;

/// <summary>
/// A signals CSV as read: a row for each record, the line each starts on (<see cref="RowError.Row"/>'s numbering), and
/// what could not be read from a cell before validation (an unreadable said_at).
/// </summary>
internal sealed record SignalSheet(IReadOnlyList<IntakeRow> Rows, IReadOnlyList<int> Lines, IReadOnlyList<RowError> Errors);
