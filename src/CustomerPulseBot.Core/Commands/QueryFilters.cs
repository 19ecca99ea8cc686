using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Core.Commands;

/// <summary>
/// Filters a query can name, as <c>segment:buyer</c>, <c>#theme</c>, <c>customer:Acme</c> or in words
/// ("enterprise buyers", "not internal", "from Acme", "on sales calls", "critical", "during onboarding").
/// <paramref name="Topic"/> is what the question is about in plain words ("slow dashboards", "SSO"): the
/// executor reads it as a theme when a theme has that name or alias, and as words to search for otherwise.
/// <paramref name="Kinds"/> null means the answer's own default (friction for rankings, every kind for search).
/// </summary>
public sealed record QueryFilters(
    string? Segment = null,
    string? Theme = null,
    string? Customer = null,
    IReadOnlyList<string>? ExcludedSegments = null,
    string? Source = null,
    IReadOnlyList<SignalKind>? Kinds = null,
    Severity? MinSeverity = null,
    JourneyStage? Stage = null,
    string? Topic = null)
{
    public static readonly QueryFilters None = new();

    public bool IsEmpty => this == None
        || (Segment, Theme, Customer, Source, Kinds, MinSeverity, Stage, Topic) == (null, null, null, null, null, null, null, null)
            && (ExcludedSegments is null || ExcludedSegments.Count == 0);

    // Lists compare by content, so two readings of the same words are equal records.
    public bool Equals(QueryFilters? other) =>
        other is not null
        && (Segment, Theme, Customer, Source, MinSeverity, Stage, Topic) == (other.Segment, other.Theme, other.Customer, other.Source, other.MinSeverity, other.Stage, other.Topic)
        && SameList(ExcludedSegments, other.ExcludedSegments)
        && SameList(Kinds, other.Kinds);

    public override int GetHashCode() => HashCode.Combine(Segment, Theme, Customer, Source, MinSeverity, Stage, Topic);

    private static bool SameList<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) =>
        (a is null || a.Count == 0) ? (b is null || b.Count == 0) : b is not null && a.SequenceEqual(b);
}
