namespace CustomerPulseBot.Core.Trends;

/// <summary>
/// A resolved period and the previous period of equal length that trends compare it with.
/// <paramref name="Dates"/> spells the current range out in the person's zone ("Mon 30 Nov – Sun 6 Dec");
/// <paramref name="Comparison"/> says what the previous range is ("vs the same days of the week before").
/// </summary>
public sealed record PeriodWindow(DateRange Current, DateRange Previous, string Label, string? Dates = null, string? Comparison = null);
