using CustomerPulseBot.Core.Meaning;
using CustomerPulseBot.Core.Trends;

namespace CustomerPulseBot.Core.Views;

/// <summary>
/// <c>themes new</c>: candidate themes found among the untagged quotes of a period, largest first, each offered to be
/// created. <paramref name="Period"/> is what a Create button reruns discovery on when it cannot carry every quote.
/// </summary>
public sealed record NewThemesView(string PeriodLabel, string? Dates, IReadOnlyList<CandidateTheme> Themes, DateRange Period) : View;
