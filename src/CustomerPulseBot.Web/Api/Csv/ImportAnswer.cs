using CustomerPulseBot.Core.Exchange;

namespace CustomerPulseBot.Web.Api.Csv;

/// <summary>
/// What an import did: <paramref name="Rows"/> read, <paramref name="Imported"/> stored, and every problem by row (the
/// line the record starts on, the header being row 1) and column.
/// </summary>
internal sealed record ImportAnswer(int Rows, int Imported, IReadOnlyList<RowError> Errors);
