using CustomerPulseBot.Core.Views;

namespace CustomerPulseBot.Web.Api;

/// <summary>
/// The top pain points of a period, as chat's <c>top</c> answers: <see cref="Dates"/> spells the period out,
/// <see cref="Comparison"/> says what trends compare it with, <see cref="MoreThemes"/> counts ranked themes left out.
/// </summary>
internal sealed record TopOutput(
    string Period,
    string? Dates,
    string? Comparison,
    IReadOnlyList<RankedThemeOutput> Themes,
    int MoreThemes,
    UntaggedOutput Untagged,
    int TotalSignals)
{
    public static TopOutput From(PainPointsView view) => new(
        view.PeriodLabel, view.Dates, view.Comparison, view.Themes.Select(RankedThemeOutput.From).ToList(), view.MoreThemes,
        new UntaggedOutput(view.Untagged.Count, view.Untagged.Customers, view.Untagged.Quotes.Select(SignalOutput.From).ToList()),
        view.TotalSignals);
}
