namespace CustomerPulseBot.Core.Meaning;

/// <summary>
/// A theme discovery proposes from untagged quotes: its name, its quotes (<see cref="SignalIds"/>), how many distinct
/// customers said them, and the two quotes that show it best.
/// </summary>
public sealed record CandidateTheme(string Name, IReadOnlyList<Guid> SignalIds, int Customers, IReadOnlyList<MeaningRow> Examples)
{
    public int Size => SignalIds.Count;
}
