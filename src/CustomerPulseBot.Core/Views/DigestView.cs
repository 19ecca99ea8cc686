using System.Globalization;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Core.Views;

/// <summary>
/// A channel's digest: quotes captured since the last delivered digest (most telling first;
/// <paramref name="MoreFresh"/> counts those left out), friction trends against the previous period of equal
/// length, and how recently shipped themes fare. <paramref name="PeriodLabel"/> is written in the
/// subscription's zone ("since Tue 4 Nov, 09:00 Europe/Berlin"); <paramref name="Since"/> is that first day.
/// </summary>
public sealed record DigestView(
    string PeriodLabel,
    DateOnly Since,
    QueryFilters Filters,
    IReadOnlyList<Signal> Fresh,
    int MoreFresh,
    IReadOnlyList<ThemeTrend> New,
    IReadOnlyList<ThemeTrend> Rising,
    IReadOnlyList<ThemeTrend> Falling,
    IReadOnlyList<ShippedThemeRate> Shipped) : View
{
    /// <summary>The digest's friction trends, as the trends answer shows them.</summary>
    public TrendsView Trends => new(PeriodLabel, Filters, New, Rising, Falling);

    /// <summary>Nothing new was heard and no friction grew: the digest says so in one line.</summary>
    public bool IsQuiet => Fresh.Count == 0 && New.Count == 0 && Rising.Count == 0;

    /// <summary>
    /// Typed after <c>top</c> or <c>search &lt;words&gt;</c>, finds the digest's quotes again, left-out ones included:
    /// its first day and its filters ("since 4 Nov 2026 segment:buyer #exports").
    /// </summary>
    public string Scope => string.Join(' ', new[]
    {
        "since " + Since.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        Filters.Segment is { } segment ? "segment:" + segment : null,
        Filters.Theme is { } theme ? "#" + theme : null,
        Filters.Customer is { } customer ? "customer:" + (customer.Any(char.IsWhiteSpace) ? $"\"{customer}\"" : customer) : null,
    }.OfType<string>());
}
