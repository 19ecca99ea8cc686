using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Trends;

namespace CustomerPulseBot.Core.Signals;

/// <summary>
/// Which signals a query looks at. Every part is optional; <paramref name="Text"/> matches words in the
/// quote or customer name, case-insensitively. <paramref name="Kinds"/> null means every kind.
/// </summary>
public sealed record SignalFilter(
    DateRange? Range = null,
    string? Segment = null,
    IReadOnlyList<SignalKind>? Kinds = null,
    string? Theme = null,
    string? Customer = null,
    string? Text = null)
{
    /// <summary>Pains and requests: the kinds that point at friction (a request names a problem's symptom).</summary>
    public static readonly IReadOnlyList<SignalKind> FrictionKinds = [SignalKind.Pain, SignalKind.Request];

    /// <summary>The friction in a range, narrowed by what the person asked for.</summary>
    public static SignalFilter Friction(DateRange range, QueryFilters filters) =>
        new(range, filters.Segment, FrictionKinds, filters.Theme, filters.Customer);
}
