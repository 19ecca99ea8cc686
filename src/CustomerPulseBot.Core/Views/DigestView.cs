using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Core.Views;

/// <summary>
/// A channel's digest: quotes captured since the last delivered digest (most telling first;
/// <paramref name="MoreFresh"/> counts those left out), friction trends against the previous period of equal
/// length, and how recently shipped themes fare. <paramref name="PeriodLabel"/> is written in the
/// subscription's zone ("since Tue 4 Nov, 09:00 Europe/Berlin"); <paramref name="Since"/> is that first day.
/// A summary of a period asked for in chat ("summarize last week") is the same view with the period's last day
/// in <paramref name="Until"/>, its <paramref name="Dates"/> and what its trends compare with (<paramref name="Comparison"/>).
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
    IReadOnlyList<ShippedThemeRate> Shipped,
    DateOnly? Until = null,
    string? Dates = null,
    string? Comparison = null) : View
{
    /// <summary>The digest's friction trends, as the trends answer shows them.</summary>
    public TrendsView Trends => new(PeriodLabel, Filters, New, Rising, Falling, Dates, Comparison);

    /// <summary>Nothing new was heard and no friction grew: the digest says so in one line.</summary>
    public bool IsQuiet => Fresh.Count == 0 && New.Count == 0 && Rising.Count == 0;

    /// <summary>
    /// Typed after <c>top</c> or <c>search &lt;words&gt;</c>, finds the digest's quotes again, left-out ones included:
    /// its days and its filters ("since 4 Nov 2026 segment:buyer #exports", "between 30 Nov 2026 and 6 Dec 2026").
    /// </summary>
    public string Scope => Until is { } last ? QueryScope.Between(Since, last, Filters) : QueryScope.Since(Since, Filters);
}
