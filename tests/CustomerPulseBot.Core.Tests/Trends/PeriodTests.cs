using CustomerPulseBot.Core.Trends;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPulseBot.Core.Tests.Trends;

/// <summary>Resolving periods against a fixed clock, in Berlin, where the offset is +01:00 in winter and +02:00 in summer.</summary>
public sealed class PeriodTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute, TimeSpan offset) =>
        new(year, month, day, hour, minute, 0, offset);

    private static PeriodWindow Resolve(Period period, DateTimeOffset now, DayOfWeek weekStart = DayOfWeek.Monday)
    {
        var clock = new FakeTimeProvider(now);
        return period.Resolve(clock.GetUtcNow(), Berlin, weekStart);
    }

    [Fact]
    public void ComparesMondayToNowWithTheSameStretchOfLastWeek_WhenWeeksStartOnMonday()
    {
        var now = Local(2026, 11, 25, 13, 0, Winter);

        var window = Resolve(Period.ThisWeek, now);

        Assert.Equal(new DateRange(Local(2026, 11, 23, 0, 0, Winter), now), window.Current);
        Assert.Equal(new DateRange(Local(2026, 11, 16, 0, 0, Winter), Local(2026, 11, 18, 13, 0, Winter)), window.Previous);
        Assert.Equal("this week", window.Label);
    }

    [Fact]
    public void StartsTheWeekOnSunday_WhenTheWorkspaceSaysSo()
    {
        var now = Local(2026, 11, 25, 13, 0, Winter);

        var window = Resolve(Period.ThisWeek, now, DayOfWeek.Sunday);

        Assert.Equal(Local(2026, 11, 22, 0, 0, Winter), window.Current.Start);
        Assert.Equal(Local(2026, 11, 15, 0, 0, Winter), window.Previous.Start);
    }

    [Fact]
    public void StartsTheWeekToday_WhenTodayIsTheFirstDayOfTheWeek()
    {
        var now = Local(2026, 11, 22, 8, 0, Winter);

        var window = Resolve(Period.ThisWeek, now, DayOfWeek.Sunday);

        Assert.Equal(new DateRange(Local(2026, 11, 22, 0, 0, Winter), now), window.Current);
    }

    [Fact]
    public void CoversTheExtraHour_WhenLastWeekContainsTheAutumnClockChange()
    {
        var now = Local(2026, 10, 28, 11, 0, Winter);

        var window = Resolve(new Period(PeriodKind.LastWeek), now);

        Assert.Equal(new DateRange(Local(2026, 10, 19, 0, 0, Summer), Local(2026, 10, 26, 0, 0, Winter)), window.Current);
        Assert.Equal(TimeSpan.FromHours(7 * 24 + 1), window.Current.Length);
        Assert.Equal(new DateRange(Local(2026, 10, 12, 0, 0, Summer), Local(2026, 10, 19, 0, 0, Summer)), window.Previous);
    }

    [Fact]
    public void LosesAnHour_WhenThisWeekContainsTheSpringClockChange()
    {
        var now = Local(2026, 3, 30, 9, 0, Summer);

        var window = Resolve(new Period(PeriodKind.LastWeek), now);

        Assert.Equal(new DateRange(Local(2026, 3, 23, 0, 0, Winter), Local(2026, 3, 30, 0, 0, Summer)), window.Current);
        Assert.Equal(TimeSpan.FromHours(7 * 24 - 1), window.Current.Length);
    }

    [Fact]
    public void ComparesWithTheSameStretchOfLastMonth_WhenTheMonthHasJustBegun()
    {
        var now = Local(2026, 12, 1, 0, 30, Winter);

        var window = Resolve(new Period(PeriodKind.ThisMonth), now);

        Assert.Equal(new DateRange(Local(2026, 12, 1, 0, 0, Winter), now), window.Current);
        Assert.Equal(new DateRange(Local(2026, 11, 1, 0, 0, Winter), Local(2026, 11, 1, 0, 30, Winter)), window.Previous);
    }

    [Fact]
    public void CoversTheWholePreviousMonth_WhenAskingForLastMonthOnTheLastDayOfAMonth()
    {
        var now = Local(2026, 3, 31, 18, 0, Summer);

        var window = Resolve(new Period(PeriodKind.LastMonth), now);

        Assert.Equal(new DateRange(Local(2026, 2, 1, 0, 0, Winter), Local(2026, 3, 1, 0, 0, Winter)), window.Current);
        Assert.Equal(new DateRange(Local(2026, 1, 1, 0, 0, Winter), Local(2026, 1, 29, 0, 0, Winter)), window.Previous);
        Assert.Equal("last month", window.Label);
    }

    [Fact]
    public void CountsTodayAsTheLastOfTheDays_WhenAskingForTheLast7Days()
    {
        var now = Local(2026, 11, 23, 16, 30, Winter);

        var window = Resolve(Period.LastDays(7), now);

        Assert.Equal(new DateRange(Local(2026, 11, 17, 0, 0, Winter), now), window.Current);
        Assert.Equal(new DateRange(Local(2026, 11, 10, 0, 0, Winter), Local(2026, 11, 16, 16, 30, Winter)), window.Previous);
        Assert.Equal("the last 7 days", window.Label);
    }

    [Fact]
    public void ComparesWithAnEquallyLongStretchBefore_WhenThePeriodIsSinceADate()
    {
        var now = Local(2026, 11, 23, 16, 30, Winter);
        var since = new Period(PeriodKind.Since, From: new DateOnly(2026, 11, 3));

        var window = Resolve(since, now);

        Assert.Equal(new DateRange(Local(2026, 11, 3, 0, 0, Winter), now), window.Current);
        Assert.Equal(Local(2026, 10, 13, 0, 0, Summer), window.Previous.Start);
        Assert.Equal(window.Current.Length, window.Previous.Length);
        Assert.Equal("since 3 Nov 2026", window.Label);
    }

    [Fact]
    public void IncludesBothDays_WhenThePeriodIsBetweenTwoDates()
    {
        var now = Local(2026, 11, 23, 16, 30, Winter);
        var between = new Period(PeriodKind.Between, From: new DateOnly(2026, 11, 1), To: new DateOnly(2026, 11, 15));

        var window = Resolve(between, now);

        Assert.Equal(new DateRange(Local(2026, 11, 1, 0, 0, Winter), Local(2026, 11, 16, 0, 0, Winter)), window.Current);
        Assert.Equal(Local(2026, 10, 17, 0, 0, Summer), window.Previous.Start);
        Assert.Equal(window.Current.Length, window.Previous.Length);
        Assert.Equal("1 Nov 2026 to 15 Nov 2026", window.Label);
    }

    [Fact]
    public void MeansTheLatestSuchMonth_WhenAMonthHasNoYear()
    {
        var now = Local(2026, 11, 23, 16, 30, Winter);

        var window = Resolve(new Period(PeriodKind.Month, Days: 12), now);

        Assert.Equal(new DateRange(Local(2025, 12, 1, 0, 0, Winter), Local(2026, 1, 1, 0, 0, Winter)), window.Current);
        Assert.Equal("December", window.Label);
    }

    [Fact]
    public void IsEmpty_WhenTheMonthIsInTheFuture()
    {
        var now = Local(2026, 11, 23, 16, 30, Winter);

        var window = Resolve(new Period(PeriodKind.Month, From: new DateOnly(2027, 3, 1)), now);

        Assert.Equal(new DateRange(Local(2027, 3, 1, 0, 0, Winter), Local(2027, 3, 1, 0, 0, Winter)), window.Current);
        Assert.Equal(TimeSpan.Zero, window.Previous.Length);
        Assert.Equal("March 2027", window.Label);
    }

    [Fact]
    public void ResolvesEveryPeriodTheParserAccepts_WhenTheyReachToTheLimits()
    {
        var now = Local(2026, 11, 23, 16, 30, Winter);
        var texts = new[] { "last 1000 days", "since 2000-01-01", "between 2100-12-31 and 2100-12-31", "December 2100", "last 32 months" };

        var windows = texts.Select(text =>
        {
            Assert.True(PeriodParser.TryParse(text, new DateOnly(2026, 11, 23), out var period, out var problem), problem);
            return period.Resolve(now, Berlin, DayOfWeek.Monday);
        }).ToList();

        Assert.All(windows, w => Assert.True(w.Current.Start <= w.Current.End && w.Previous.Start <= w.Previous.End));
    }
}
