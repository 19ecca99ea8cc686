using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Trends;

namespace CustomerPulseBot.Core.Signals;

/// <summary>
/// Which signals a query looks at. Every part is optional; <paramref name="Kinds"/> null means every kind.
/// <paramref name="Text"/> is a full-text match on the quote and customer name (stemmed, so "exports timing
/// out" finds "export timeout"); a store orders text matches by relevance, then newest first. Deleted signals
/// are never seen.
/// </summary>
public sealed record SignalFilter(
    DateRange? Range = null,
    string? Segment = null,
    IReadOnlyList<SignalKind>? Kinds = null,
    string? Theme = null,
    string? Customer = null,
    string? Text = null,
    IReadOnlyList<string>? ExcludedSegments = null,
    string? Source = null,
    Severity? MinSeverity = null,
    JourneyStage? Stage = null)
{
    /// <summary>Pains and requests: the kinds that point at friction (a request names a problem's symptom).</summary>
    public static readonly IReadOnlyList<SignalKind> FrictionKinds = [SignalKind.Pain, SignalKind.Request];

    /// <summary>The friction in a range, narrowed by what the person asked for (their kinds, when they named some).</summary>
    public static SignalFilter Friction(DateRange range, QueryFilters filters) =>
        Of(range, filters, FrictionKinds);

    /// <summary>
    /// A range narrowed by every filter the person named; <paramref name="defaultKinds"/> applies when they named
    /// no kind. <see cref="QueryFilters.Topic"/> becomes the words to match: resolve it first
    /// (<see cref="Commands.TopicResolver"/>), so that a topic naming a theme has become the theme filter.
    /// </summary>
    public static SignalFilter Of(DateRange? range, QueryFilters filters, IReadOnlyList<SignalKind>? defaultKinds = null) =>
        new(range, filters.Segment, filters.Kinds ?? defaultKinds, filters.Theme, filters.Customer, filters.Topic,
            filters.ExcludedSegments, filters.Source, filters.MinSeverity, filters.Stage);
}
