using System.Globalization;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Trends;

/// <summary>
/// A period as people say it ("this week", "last 30 days", "since 3 Nov", "Q3"), kept relative until a
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
        PeriodKind.ThisQuarter => "this quarter",
        PeriodKind.LastQuarter => "last quarter",
        PeriodKind.LastDays => Days == 1 ? "the last day" : $"the last {Days} days",
        PeriodKind.Month => From?.ToString("MMMM yyyy", CultureInfo.InvariantCulture)
            ?? CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(Days),
        PeriodKind.Quarter => From is { } first ? $"Q{QuarterOf(first)} {first.Year}" : $"Q{Days}",
        PeriodKind.Since => $"since {Format(From!.Value)}", // a Since period always has From
        PeriodKind.Between => $"{Format(From!.Value)} to {Format(To!.Value)}", // a Between period has both
        PeriodKind.Day => From!.Value.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture), // a Day period has From
        _ => throw new InvalidOperationException($"Unknown period kind {Kind}"),
    };

    /// <summary>
    /// The current range is cut at <paramref name="now"/>; the previous range is the same stretch of the
    /// previous week, month, quarter or span, so a Wednesday's "this week" compares with last Monday to
    /// Wednesday. <see cref="PeriodWindow.Dates"/> names the whole period's days (this week: Monday to
    /// Sunday) and <see cref="PeriodWindow.Comparison"/> says in words what the previous range is.
    /// </summary>
    public PeriodWindow Resolve(DateTimeOffset now, TimeZoneInfo zone, DayOfWeek weekStart)
    {
        var today = Zones.DayOf(now, zone);
        var (start, end, previousStart, stretch) = Kind switch
        {
            PeriodKind.Today => (today, today.AddDays(1), today.AddDays(-1), Stretch.Day),
            PeriodKind.Yesterday => (today.AddDays(-1), today, today.AddDays(-2), Stretch.Day),
            PeriodKind.Day => (From!.Value, From!.Value.AddDays(1), From!.Value.AddDays(-1), Stretch.Day),
            PeriodKind.ThisWeek => Week(PeriodParser.LatestOnOrBefore(today, weekStart)),
            PeriodKind.LastWeek => Week(PeriodParser.LatestOnOrBefore(today, weekStart).AddDays(-7)),
            PeriodKind.ThisMonth => MonthOf(new DateOnly(today.Year, today.Month, 1)),
            PeriodKind.LastMonth => MonthOf(new DateOnly(today.Year, today.Month, 1).AddMonths(-1)),
            PeriodKind.Month => MonthOf(From ?? LatestMonth(today, Days)),
            PeriodKind.ThisQuarter => QuarterFrom(QuarterStart(today)),
            PeriodKind.LastQuarter => QuarterFrom(QuarterStart(today).AddMonths(-3)),
            PeriodKind.Quarter => QuarterFrom(From ?? LatestQuarter(today, Days)),
            PeriodKind.LastDays => (today.AddDays(1 - Days), today.AddDays(1), today.AddDays(1 - 2 * Days), Stretch.Days),
            PeriodKind.Since => (From!.Value, today.AddDays(1), From!.Value.AddDays(From.Value.DayNumber - today.DayNumber - 1), Stretch.Days),
            PeriodKind.Between => (From!.Value, To!.Value.AddDays(1), From!.Value.AddDays(From.Value.DayNumber - To.Value.DayNumber - 1), Stretch.Days),
            _ => throw new InvalidOperationException($"Unknown period kind {Kind}"),
        };

        var currentStart = Zones.StartOf(start, zone);
        var naturalEnd = Zones.StartOf(end, zone);
        var currentEnd = Min(naturalEnd, now);
        if (currentEnd < currentStart)
        {
            currentEnd = currentStart; // a period wholly in the future is empty, not negative
        }

        var previous = Zones.StartOf(previousStart, zone);
        var previousEnd = Min(previous + (currentEnd - currentStart), currentStart);
        var running = now < naturalEnd;
        // Compared in days, not instants: a clock change makes one week an hour shorter than the other.
        var days = end.DayNumber - start.DayNumber;
        var comparison = Comparison(stretch, running, start.DayNumber - previousStart.DayNumber <= days, days);
        return new PeriodWindow(
            new DateRange(currentStart, currentEnd), new DateRange(previous, previousEnd), Label, Dates(start, end.AddDays(-1), today), comparison);
    }

    /// <summary>The unit a period is made of, which decides how its comparison is put in words.</summary>
    private enum Stretch { Day, Week, Month, Quarter, Days }

    /// <summary>
    /// Words for the previous range as <see cref="Resolve"/> builds it: a running period compares with the same
    /// stretch of the one before; a finished one with the whole one before, or its first days when that one is longer.
    /// </summary>
    private string Comparison(Stretch stretch, bool running, bool wholePrevious, int days)
    {
        var unit = stretch switch
        {
            Stretch.Week => "the week before",
            Stretch.Month => "the month before",
            Stretch.Quarter => "the previous quarter",
            _ => null,
        };
        return (stretch, unit) switch
        {
            (Stretch.Day, _) when Kind == PeriodKind.Today => "vs the same hours yesterday",
            (Stretch.Day, _) => "vs the day before",
            (Stretch.Days, _) => days == 1 ? "vs the day before" : $"vs the {days} days before",
            _ when running => $"vs the same days of {unit}",
            _ when wholePrevious => $"vs {unit}",
            _ => $"vs the first {days} days of {unit}",
        };
    }

    /// <summary>"Mon 30 Nov – Sun 6 Dec": years appear when a day is outside the current year or the days span two.</summary>
    private static string Dates(DateOnly first, DateOnly last, DateOnly today)
    {
        var format = first.Year != last.Year || first.Year != today.Year ? "ddd d MMM yyyy" : "ddd d MMM";
        var from = first.ToString(format, CultureInfo.InvariantCulture);
        return last <= first ? from : $"{from} – {last.ToString(format, CultureInfo.InvariantCulture)}";
    }

    private static (DateOnly, DateOnly, DateOnly, Stretch) Week(DateOnly start) => (start, start.AddDays(7), start.AddDays(-7), Stretch.Week);

    private static (DateOnly, DateOnly, DateOnly, Stretch) MonthOf(DateOnly first) => (first, first.AddMonths(1), first.AddMonths(-1), Stretch.Month);

    private static (DateOnly, DateOnly, DateOnly, Stretch) QuarterFrom(DateOnly first) => (first, first.AddMonths(3), first.AddMonths(-3), Stretch.Quarter);

    /// <summary>"March" without a year means the latest March that has begun.</summary>
    private static DateOnly LatestMonth(DateOnly today, int month) =>
        new(month <= today.Month ? today.Year : today.Year - 1, month, 1);

    /// <summary>"Q3" without a year means the latest third quarter that has begun, as a month does.</summary>
    private static DateOnly LatestQuarter(DateOnly today, int quarter) => LatestMonth(today, (quarter - 1) * 3 + 1);

    internal static DateOnly QuarterStart(DateOnly day) => new(day.Year, (day.Month - 1) / 3 * 3 + 1, 1);

    private static int QuarterOf(DateOnly day) => (day.Month - 1) / 3 + 1;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static string Format(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
