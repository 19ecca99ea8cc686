namespace CustomerPulseBot.Core.Views;

/// <summary>
/// A download link for the CSV of a period's signals (of one <paramref name="Theme"/> when named), for the person who
/// asked: it holds <paramref name="Signals"/> signals and works once, within <paramref name="Lifetime"/>.
/// </summary>
public sealed record ExportLinkView(Uri Link, string PeriodLabel, string? Dates, string? Theme, int Signals, TimeSpan Lifetime) : View;
