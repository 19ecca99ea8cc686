using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Core.Views;

/// <summary>Quotes matching the words, newest first; <paramref name="Total"/> counts all matches, shown or not.</summary>
public sealed record SearchResultsView(string Words, string? PeriodLabel, IReadOnlyList<Signal> Signals, int Total) : View;
