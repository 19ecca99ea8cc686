namespace CustomerPulseBot.Core.Trends;

public enum PeriodKind
{
    Today,
    Yesterday,
    ThisWeek,
    LastWeek,
    ThisMonth,
    LastMonth,
    /// <summary>The last <see cref="Period.Days"/> days up to now.</summary>
    LastDays,
    /// <summary>
    /// A named month: <see cref="Period.From"/> is its first day when a year was given; otherwise
    /// <see cref="Period.Days"/> holds the month number and the latest such month is meant.
    /// </summary>
    Month,
    /// <summary>From <see cref="Period.From"/> until now.</summary>
    Since,
    /// <summary><see cref="Period.From"/> to <see cref="Period.To"/>, both days included.</summary>
    Between,
    /// <summary>The calendar quarter running now (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec).</summary>
    ThisQuarter,
    /// <summary>The calendar quarter before the one running now.</summary>
    LastQuarter,
    /// <summary>
    /// A named quarter ("Q3"): <see cref="Period.From"/> is its first day when a year was given; otherwise
    /// <see cref="Period.Days"/> holds the quarter number (1 to 4) and the latest such quarter that has begun is meant.
    /// </summary>
    Quarter,
    /// <summary>One day, <see cref="Period.From"/>: "on Friday", "last Tuesday".</summary>
    Day,
}
