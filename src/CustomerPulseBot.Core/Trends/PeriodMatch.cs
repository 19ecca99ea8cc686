namespace CustomerPulseBot.Core.Trends;

/// <summary>
/// What <see cref="PeriodParser"/> found at one position of a sentence: how many words it took, and
/// either the period (or, for a bare date, the day) or what is wrong with those words. Length 0: no period there.
/// <paramref name="Note"/> says what a vague phrase became ("recently" read as the last 14 days).
/// </summary>
internal sealed record PeriodMatch(int Length, Period? Period, string? Problem, DateOnly? Day = null, string? Note = null)
{
    public static readonly PeriodMatch None = new(0, null, null);
}
