using CustomerPulseBot.Core.Trends;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPulseBot.Core.Tests.Trends;

/// <summary>
/// What a resolved period says about itself, on Wednesday 2 Dec 2026 at 13:00 in Berlin: its days as dates
/// and, in words, the range it is compared with.
/// </summary>
public sealed class PeriodWindowTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 13, 0, 0, Winter);
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static PeriodWindow Resolve(string text)
    {
        Assert.True(PeriodParser.TryParse(text, Today, out var period, out var problem), problem);
        return period.Resolve(new FakeTimeProvider(Now).GetUtcNow(), Berlin, DayOfWeek.Monday);
    }

    private static DateTimeOffset At(int year, int month, int day, TimeSpan offset) => new(year, month, day, 0, 0, 0, offset);

    [Theory]
    [InlineData("this week", "this week", "Mon 30 Nov – Sun 6 Dec", "vs the same days of the week before")]
    [InlineData("this wk", "this week", "Mon 30 Nov – Sun 6 Dec", "vs the same days of the week before")]
    [InlineData("last week", "last week", "Mon 23 Nov – Sun 29 Nov", "vs the week before")]
    [InlineData("this month", "this month", "Tue 1 Dec – Thu 31 Dec", "vs the same days of the month before")]
    [InlineData("last month", "last month", "Sun 1 Nov – Mon 30 Nov", "vs the first 30 days of the month before")]
    [InlineData("February", "February", "Sun 1 Feb – Sat 28 Feb", "vs the first 28 days of the month before")]
    [InlineData("March", "March", "Sun 1 Mar – Tue 31 Mar", "vs the month before")]
    [InlineData("this quarter", "this quarter", "Thu 1 Oct – Thu 31 Dec", "vs the same days of the previous quarter")]
    [InlineData("last quarter", "last quarter", "Wed 1 Jul – Wed 30 Sep", "vs the previous quarter")]
    [InlineData("Q3", "Q3", "Wed 1 Jul – Wed 30 Sep", "vs the previous quarter")]
    [InlineData("Q1", "Q1", "Thu 1 Jan – Tue 31 Mar", "vs the first 90 days of the previous quarter")]
    [InlineData("Q4 2025", "Q4 2025", "Wed 1 Oct 2025 – Wed 31 Dec 2025", "vs the previous quarter")]
    [InlineData("last 7 days", "the last 7 days", "Thu 26 Nov – Wed 2 Dec", "vs the 7 days before")]
    [InlineData("past 2 weeks", "the last 14 days", "Thu 19 Nov – Wed 2 Dec", "vs the 14 days before")]
    [InlineData("recently", "the last 14 days", "Thu 19 Nov – Wed 2 Dec", "vs the 14 days before")]
    [InlineData("right now", "the last 7 days", "Thu 26 Nov – Wed 2 Dec", "vs the 7 days before")]
    [InlineData("last day", "the last day", "Wed 2 Dec", "vs the day before")]
    [InlineData("today", "today", "Wed 2 Dec", "vs the same hours yesterday")]
    [InlineData("yesterday", "yesterday", "Tue 1 Dec", "vs the day before")]
    [InlineData("on Friday", "Fri 27 Nov 2026", "Fri 27 Nov", "vs the day before")]
    [InlineData("last Wednesday", "Wed 25 Nov 2026", "Wed 25 Nov", "vs the day before")]
    [InlineData("since Monday", "since 30 Nov 2026", "Mon 30 Nov – Wed 2 Dec", "vs the 3 days before")]
    [InlineData("since 20 Dec", "since 20 Dec 2025", "Sat 20 Dec 2025 – Wed 2 Dec 2026", "vs the 348 days before")]
    [InlineData("between 20 Dec and 5 Jan", "20 Dec 2025 to 5 Jan 2026", "Sat 20 Dec 2025 – Mon 5 Jan 2026", "vs the 17 days before")]
    public void SaysItsDatesAndWhatItIsComparedWith_WhenResolved(string text, string label, string dates, string comparison)
    {
        var window = Resolve(text);

        Assert.Equal(label, window.Label);
        Assert.Equal(dates, window.Dates);
        Assert.Equal(comparison, window.Comparison);
    }

    [Fact]
    public void ComparesWithTheSameStretchOfTheQuarterBefore_WhenTheQuarterIsRunning()
    {
        var window = Resolve("this quarter");

        Assert.Equal(new DateRange(At(2026, 10, 1, Summer), Now), window.Current);
        Assert.Equal(At(2026, 7, 1, Summer), window.Previous.Start);
        Assert.Equal(window.Current.Length, window.Previous.Length);
    }

    [Fact]
    public void CoversTheWholeQuarterBefore_WhenAskingForLastQuarter()
    {
        var window = Resolve("last quarter");

        Assert.Equal(new DateRange(At(2026, 7, 1, Summer), At(2026, 10, 1, Summer)), window.Current);
        Assert.Equal(new DateRange(At(2026, 4, 1, Summer), At(2026, 7, 1, Summer)), window.Previous);
    }

    [Fact]
    public void MeansTheLatestSuchQuarterThatHasBegun_WhenAQuarterHasNoYear()
    {
        var window = Resolve("Q4");

        Assert.Equal(new DateRange(At(2026, 10, 1, Summer), Now), window.Current);
    }

    [Fact]
    public void IsEmpty_WhenTheQuarterIsInTheFuture()
    {
        var window = Resolve("Q2 2027");

        Assert.Equal(TimeSpan.Zero, window.Current.Length);
        Assert.Equal("Thu 1 Apr 2027 – Wed 30 Jun 2027", window.Dates);
    }

    [Fact]
    public void CoversOneWholeDay_WhenThePeriodIsAWeekday()
    {
        var window = Resolve("last Friday");

        Assert.Equal(new DateRange(At(2026, 11, 27, Winter), At(2026, 11, 28, Winter)), window.Current);
        Assert.Equal(new DateRange(At(2026, 11, 26, Winter), At(2026, 11, 27, Winter)), window.Previous);
    }
}
