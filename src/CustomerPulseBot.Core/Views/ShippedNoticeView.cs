using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Core.Views;

/// <summary>
/// Sent to a person who captured signals for a theme that has now shipped: their own quotes
/// (<paramref name="MoreQuotes"/> counts those left out), so they can tell those customers.
/// </summary>
public sealed record ShippedNoticeView(
    string Theme, DateOnly ShippedOn, string? Note, IReadOnlyList<Signal> Quotes, int MoreQuotes) : View;
