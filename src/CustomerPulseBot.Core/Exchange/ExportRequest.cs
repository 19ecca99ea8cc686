using CustomerPulseBot.Core.Trends;

namespace CustomerPulseBot.Core.Exchange;

/// <summary>What an export holds: the signals said in <paramref name="Range"/> (all when null), of one theme when named.</summary>
public sealed record ExportRequest(DateRange? Range, string? Theme);
