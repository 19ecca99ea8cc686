using System.Globalization;

namespace CustomerPulseBot.Core.Trends;

/// <summary>
/// A period as people say it ("this week", "last 30 days", "since 3 Nov"), kept relative until a
/// command runs, then resolved against the clock, the person's time zone and the workspace's first
/// day of the week.
/// </summary>
public sealed record Period(PeriodKind Kind, int Days = 0, DateOnly? From = null, DateOnly? To = null)
{
    public static readonly Period ThisWeek = new(PeriodKind.ThisWeek);

    public static Period LastDays(int days) => new(PeriodKind.LastDays, Days: days);

    public string Label => Kind switch
    {
        PeriodKind.Today => "today",
        PeriodKind.Yesterday => "yesterday",
        PeriodKind.ThisWeek => "this week",
        PeriodKind.LastWeek => "last week",
        PeriodKind.ThisMonth => "this month",
        PeriodKind.LastMonth => "last month",
        PeriodKind.LastDays => Days == 1 ? "the last day" : $"the last {Days} days",
        PeriodKind.Month => From?.ToString("MMMM yyyy", CultureInfo.InvariantCulture)
            ?? CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(Days),
        PeriodKind.Since => $"since {Format(From!.Value)}", // a Since period always has From
        PeriodKind.Between => $"{Format(From!.Value)} to {Format(To!.Value)}", // a Between period has both
        _ => throw new InvalidOperationException($"Unknown period kind {Kind}"),
    };

    /// <summary>
    /// The current range is cut at <paramref name="now"/>; the previous range is the same stretch of the
    /// previous week, month or span, so a Wednesday's "this week" compares with last Monday to Wednesday.
    /// </summary>
    public PeriodWindow Resolve(DateTimeOffset now, TimeZoneInfo zone, DayOfWeek weekStart)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var (start, end, previousStart) = Kind switch
        {
            PeriodKind.Today => (today, today.AddDays(1), today.AddDays(-1)),
            PeriodKind.Yesterday => (today.AddDays(-1), today, today.AddDays(-2)),
            PeriodKind.ThisWeek => Week(StartOfWeek(today, weekStart)),
            PeriodKind.LastWeek => Week(StartOfWeek(today, weekStart).AddDays(-7)),
            PeriodKind.ThisMonth => MonthOf(new DateOnly(today.Year, today.Month, 1)),
            PeriodKind.LastMonth => MonthOf(new DateOnly(today.Year, today.Month, 1).AddMonths(-1)),
            PeriodKind.Month => MonthOf(From ?? LatestMonth(today, Days)),
            PeriodKind.LastDays => (today.AddDays(1 - Days), today.AddDays(1), today.AddDays(1 - 2 * Days)),
            PeriodKind.Since => (From!.Value, today.AddDays(1), From!.Value.AddDays(From.Value.DayNumber - today.DayNumber - 1)),
            PeriodKind.Between => (From!.Value, To!.Value.AddDays(1), From!.Value.AddDays(From.Value.DayNumber - To.Value.DayNumber - 1)),
            _ => throw new InvalidOperationException($"Unknown period kind {Kind}"),
        };

        var currentStart = AtMidnight(start, zone);
        var currentEnd = Min(AtMidnight(end, zone), now);
        if (currentEnd < currentStart)
        {
            currentEnd = currentStart; // a period wholly in the future is empty, not negative
        }

        var previous = AtMidnight(previousStart, zone);
        var previousEnd = Min(previous + (currentEnd - currentStart), currentStart);
        return new PeriodWindow(new DateRange(currentStart, currentEnd), new DateRange(previous, previousEnd), Label);
    }

    private static (DateOnly, DateOnly, DateOnly) Week(DateOnly start) => (start, start.AddDays(7), start.AddDays(-7));

    private static (DateOnly, DateOnly, DateOnly) MonthOf(DateOnly first) => (first, first.AddMonths(1), first.AddMonths(-1));

    /// <summary>"March" without a year means the latest March that has begun.</summary>
    private static DateOnly LatestMonth(DateOnly today, int month) =>
        new(month <= today.Month ? today.Year : today.Year - 1, month, 1);

    private static DateOnly StartOfWeek(DateOnly day, DayOfWeek weekStart) =>
        day.AddDays(-(((int)day.DayOfWeek - (int)weekStart + 7) % 7));

    /// <summary>Local midnight as an instant; where DST skips midnight, the first valid minute after it.</summary>
    public static DateTimeOffset AtMidnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static string Format(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
