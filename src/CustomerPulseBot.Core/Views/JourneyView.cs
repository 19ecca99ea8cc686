using CustomerPulseBot.Core.Commands;

namespace CustomerPulseBot.Core.Views;

/// <summary>"Where in the journey do customers struggle?": friction per stage, worst first.</summary>
public sealed record JourneyView(string PeriodLabel, string Dates, QueryFilters Filters, IReadOnlyList<StageFriction> Stages) : View;
