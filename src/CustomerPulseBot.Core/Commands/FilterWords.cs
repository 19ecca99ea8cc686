using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Core.Commands;

/// <summary>
/// A query's filters in short words ("complaints · enterprise · not internal · Acme · on calls · during onboarding"):
/// how a question was read and what an answer was narrowed by, worded once for the reading and both renderers.
/// </summary>
public static class FilterWords
{
    /// <param name="filters">The filters to word.</param>
    /// <param name="kinds">Whether to name the kinds; a ranking names them in its noun instead ("top requests").</param>
    /// <param name="name">Shortens what a person typed (a customer, a topic) where a renderer has little room.</param>
    public static IReadOnlyList<string> Of(QueryFilters filters, bool kinds = true, Func<string, string>? name = null)
    {
        name ??= typed => typed;
        return new[]
        {
            kinds && filters.Kinds is { Count: > 0 } named ? Kinds(named) : null,
            filters.Segment,
            filters.ExcludedSegments is { Count: > 0 } excluded ? "not " + string.Join(" or ", excluded) : null,
            filters.Customer is { } customer ? name(customer) : null,
            filters.Source switch
            {
                null => null,
                "social" => "on social media",
                "community" => "in the community",
                "other" => "from other sources",
                var source => $"on {source}s",
            },
            filters.MinSeverity switch { Severity.Critical => "critical", { } s => $"{s.ToString().ToLowerInvariant()} severity and up", null => null },
            filters.Stage is { } stage ? $"during {StageNames.Of(stage)}" : null,
            filters.Theme is { } theme ? "#" + theme : null,
            filters.Topic is { } topic ? $"about “{name(topic)}”" : null,
        }.OfType<string>().ToList();
    }

    /// <summary>"complaints and requests".</summary>
    public static string Kinds(IEnumerable<SignalKind> kinds) => string.Join(" and ", kinds.Select(kind => kind switch
    {
        SignalKind.Pain => "complaints",
        SignalKind.Request => "requests",
        SignalKind.Praise => "praise",
        _ => "questions",
    }));
}
