using System.Globalization;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Trends;

namespace CustomerPulseBot.Core.Commands;

/// <summary>
/// An answer's period and filters written back as command words that <see cref="CommandParser"/> reads to the same
/// query, so a button ("all 12 quotes" runs <c>search #theme {scope}</c>) or a person can ask again exactly.
/// </summary>
public static class QueryScope
{
    /// <summary>"between 30 Nov 2026 and 6 Dec 2026" followed by the filters: the days the range touches, in the zone.</summary>
    public static string Between(DateRange range, TimeZoneInfo zone, QueryFilters filters)
    {
        var (first, last) = range.Days(zone);
        return Between(first, last, filters);
    }

    public static string Between(DateOnly first, DateOnly last, QueryFilters filters) =>
        Words($"between {Format(first)} and {Format(last)}", filters);

    /// <summary>"since 4 Nov 2026" followed by the filters.</summary>
    public static string Since(DateOnly day, QueryFilters filters) => Words($"since {Format(day)}", filters);

    /// <summary>
    /// The topic's words first (a search reads the words before its period as what to find), then the period,
    /// then <c>segment:</c>, <c>#theme</c>, <c>customer:</c>, <c>source:</c>, <c>kind:</c>, <c>severity:</c>,
    /// <c>stage:</c>, and each excluded segment as <c>segment:-internal</c>.
    /// </summary>
    private static string Words(string period, QueryFilters filters) => string.Join(' ', new[]
        {
            filters.Topic,
            period,
            filters.Segment is { } segment ? "segment:" + segment : null,
            filters.Theme is { } theme ? "#" + theme : null,
            filters.Customer is { } customer ? "customer:" + (customer.Any(char.IsWhiteSpace) ? $"\"{customer}\"" : customer) : null,
            filters.Source is { } source ? "source:" + source : null,
            filters.Kinds is { Count: > 0 } kinds ? "kind:" + string.Join(',', kinds.Select(Word)) : null,
            filters.MinSeverity is { } severity ? "severity:" + Word(severity) : null,
            filters.Stage is { } stage ? "stage:" + Word(stage) : null,
        }
        .Concat((filters.ExcludedSegments ?? []).Select(s => "segment:-" + s))
        .OfType<string>());

    private static string Format(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string Word<TEnum>(TEnum value) where TEnum : struct, Enum => value.ToString().ToLowerInvariant();
}
