using CustomerPulseBot.Core.Views;

namespace CustomerPulseBot.Web.Api;

/// <summary>New, rising and falling themes of a period, as chat's <c>trends</c> answers.</summary>
internal sealed record TrendsOutput(
    string Period,
    string? Dates,
    string? Comparison,
    IReadOnlyList<ThemeTrendOutput> New,
    IReadOnlyList<ThemeTrendOutput> Rising,
    IReadOnlyList<ThemeTrendOutput> Falling)
{
    public static TrendsOutput From(TrendsView view) => new(
        view.PeriodLabel, view.Dates, view.Comparison, view.New.Select(ThemeTrendOutput.From).ToList(),
        view.Rising.Select(ThemeTrendOutput.From).ToList(), view.Falling.Select(ThemeTrendOutput.From).ToList());
}
