namespace CustomerPulseBot.Core.Exchange;

/// <summary>
/// What is wrong with one row of a batch: <paramref name="Row"/> is the row's number as its caller counts (the index in
/// a JSON array, the line of a CSV file with the header as row 1), <paramref name="Column"/> the field as the caller
/// spells it.
/// </summary>
public sealed record RowError(int Row, string Column, string Message);
