using CustomerPulseBot.Core.Trends;

namespace CustomerPulseBot.Core.Tests.Trends;

/// <summary>Periods and dates as people type them, read on Monday 23 Nov 2026.</summary>
public sealed class PeriodParserTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static Period Since(int year, int month, int day) => new(PeriodKind.Since, From: new DateOnly(year, month, day));

    private static Period Between(DateOnly from, DateOnly to) => new(PeriodKind.Between, From: from, To: to);

    public static TheoryData<string, Period> Periods => new()
    {
        { "today", new Period(PeriodKind.Today) },
        { "yesterday", new Period(PeriodKind.Yesterday) },
        { "this week", Period.ThisWeek },
        { "current week", Period.ThisWeek },
        { "last week", new Period(PeriodKind.LastWeek) },
        { "previous week", new Period(PeriodKind.LastWeek) },
        { "past week", Period.LastDays(7) },
        { "This Month", new Period(PeriodKind.ThisMonth) },
        { "last month", new Period(PeriodKind.LastMonth) },
        { "past month", Period.LastDays(31) },
        { "last day", Period.LastDays(1) },
        { "last 7 days", Period.LastDays(7) },
        { "past 30 days", Period.LastDays(30) },
        { "in the last 30 days", Period.LastDays(30) },
        { "last seven days", Period.LastDays(7) },
        { "last 2 weeks", Period.LastDays(14) },
        { "last 3 months", Period.LastDays(92) },
        { "last 1000 days", Period.LastDays(1000) },
        { "since 3 Nov", Since(2026, 11, 3) },
        { "since Nov 3", Since(2026, 11, 3) },
        { "since 20 Dec", Since(2025, 12, 20) },
        { "since 2026-11-03", Since(2026, 11, 3) },
        { "since 2026-1-5", Since(2026, 1, 5) },
        { "since Nov 3, 2026", Since(2026, 11, 3) },
        { "since 3rd November 2026", Since(2026, 11, 3) },
        { "since 29 Feb", Since(2024, 2, 29) },
        { "since March", Since(2026, 3, 1) },
        { "since December", Since(2025, 12, 1) },
        { "since March 2025", Since(2025, 3, 1) },
        { "since monday", Since(2026, 11, 23) },
        { "since fri", Since(2026, 11, 20) },
        { "since yesterday", Since(2026, 11, 22) },
        { "between 1 Nov and 15 Nov", Between(new(2026, 11, 1), new(2026, 11, 15)) },
        { "between 20 Dec and 5 Jan", Between(new(2025, 12, 20), new(2026, 1, 5)) },
        { "between 2026-11-01 and 2026-11-01", Between(new(2026, 11, 1), new(2026, 11, 1)) },
        { "from 2026-10-01 to 2026-10-31", Between(new(2026, 10, 1), new(2026, 10, 31)) },
        { "in March", new Period(PeriodKind.Month, Days: 3) },
        { "march", new Period(PeriodKind.Month, Days: 3) },
        { "Sept", new Period(PeriodKind.Month, Days: 9) },
        { "in may", new Period(PeriodKind.Month, Days: 5) },
        { "march 2026", new Period(PeriodKind.Month, From: new(2026, 3, 1)) },
        { "May 2027", new Period(PeriodKind.Month, From: new(2027, 5, 1)) },
        { "this quarter", new Period(PeriodKind.ThisQuarter) },
        { "last quarter", new Period(PeriodKind.LastQuarter) },
        { "this year", Since(2026, 1, 1) },
        { "last year", Between(new(2025, 1, 1), new(2025, 12, 31)) },
        { "this wk", Period.ThisWeek },
        { "this weeks", Period.ThisWeek },
        { "last wk", new Period(PeriodKind.LastWeek) },
        { "past wk", Period.LastDays(7) },
        { "todays", new Period(PeriodKind.Today) },
        { "this months", new Period(PeriodKind.ThisMonth) },
        { "this past week", Period.LastDays(7) },
        { "current quarter", new Period(PeriodKind.ThisQuarter) },
        { "this qtr", new Period(PeriodKind.ThisQuarter) },
        { "previous quarter", new Period(PeriodKind.LastQuarter) },
        { "Q3", new Period(PeriodKind.Quarter, Days: 3) },
        { "in q1", new Period(PeriodKind.Quarter, Days: 1) },
        { "Q3 2026", new Period(PeriodKind.Quarter, From: new(2026, 7, 1)) },
        { "during Q4 2025", new Period(PeriodKind.Quarter, From: new(2025, 10, 1)) },
        { "the last couple of weeks", Period.LastDays(14) },
        { "past few days", Period.LastDays(3) },
        { "last 6 weeks", Period.LastDays(42) },
        { "past 2 months", Period.LastDays(61) },
        { "recently", Period.LastDays(14) },
        { "lately", Period.LastDays(14) },
        { "these days", Period.LastDays(14) },
        { "right now", Period.LastDays(7) },
        { "friday", new Period(PeriodKind.Day, From: new(2026, 11, 20)) },
        { "on Monday", new Period(PeriodKind.Day, From: new(2026, 11, 23)) },
        { "last friday", new Period(PeriodKind.Day, From: new(2026, 11, 20)) },
        { "last monday", new Period(PeriodKind.Day, From: new(2026, 11, 16)) },
        { "since last friday", Since(2026, 11, 20) },
        { "since last monday", Since(2026, 11, 16) },
        { "since Thursday", Since(2026, 11, 19) },
        { "in 2025", Between(new(2025, 1, 1), new(2025, 12, 31)) },
        { "during 2026", Since(2026, 1, 1) },
        { "YTD", Since(2026, 1, 1) },
        { "mtd", new Period(PeriodKind.ThisMonth) },
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public void ReadsThePeriod_WhenTheTextNamesOne(string text, Period expected)
    {
        var ok = PeriodParser.TryParse(text, Today, out var period, out var problem);

        Assert.True(ok, problem);
        Assert.Equal(expected, period);
    }

    [Theory]
    [InlineData("recently", "“recently” read as the last 14 days")]
    [InlineData("lately", "“lately” read as the last 14 days")]
    [InlineData("these days", "“these days” read as the last 14 days")]
    [InlineData("right now", "“right now” read as the last 7 days")]
    public void SaysWhatAVagueWordBecame_WhenThePeriodIsVague(string text, string note)
    {
        var match = PeriodParser.Match(text.Split(' '), 0, Today);

        Assert.Equal(note, match.Note);
    }

    [Theory]
    [InlineData("fortnight", "\"fortnight\" is not a period I know")]
    [InlineData("may", "\"may\" is not a period I know")]
    [InlineData("this week please", "\"this week please\" is not a period I know")]
    [InlineData("last fortnight", "\"last fortnight\" is not a period I know")]
    [InlineData("last", "\"last\" needs a span: last week, last month or last 30 days")]
    [InlineData("last 0 days", "\"last 0 days\" is empty: a period needs at least one day")]
    [InlineData("last 1001 days", "\"last 1001 days\" reaches back too far: I look back at most 1,000 days (use since <date>)")]
    [InlineData("last 40 months", "\"last 40 months\" reaches back too far: I look back at most 1,000 days (use since <date>)")]
    [InlineData("since", "\"since\" needs a date: since 3 Nov or since 2026-11-03")]
    [InlineData("since 2026-02-30", "2026-02-30 is not a real date.")]
    [InlineData("since 31 April", "31 april is not a real date.")]
    [InlineData("since 29 Feb 2026", "29 feb 2026 is not a real date.")]
    [InlineData("since 11/3", "\"11/3\" is ambiguous: write it as 2026-11-03 or 3 Nov 2026.")]
    [InlineData("since 1999-12-31", "1999-12-31 is outside the years I count (2000 to 2100).")]
    [InlineData("since march 1999", "1999 is outside the years I count (2000 to 2100).")]
    [InlineData("since the launch", "\"the\" is not a date I can read: write it as 2026-11-03 or 3 Nov 2026.")]
    [InlineData("between 1 Nov", "\"between\" needs two dates: between 1 Nov and 15 Nov")]
    [InlineData("between 2026-11-15 and 2026-11-01", "the period ends (1 Nov 2026) before it starts (15 Nov 2026)")]
    [InlineData("between 1 Nov and 31 Nov", "31 nov is not a real date.")]
    [InlineData("nov 3", "\"nov 3\" is one day, not a period: try since 3 nov")]
    [InlineData("Q3 1999", "1999 is outside the years I count (2000 to 2100).")]
    [InlineData("q5", "\"q5\" is not a period I know")]
    [InlineData("last 3 weekz", "\"last 3 weekz\" is not a period I know")]
    [InlineData("mon", "\"mon\" is not a period I know")]
    [InlineData("2025", "\"2025\" is not a period I know")]
    [InlineData("in 1999", "1999 is outside the years I count (2000 to 2100).")]
    public void SaysWhatIsWrong_WhenTheTextIsNotAPeriod(string text, string expected)
    {
        var ok = PeriodParser.TryParse(text, Today, out _, out var problem);

        Assert.False(ok);
        Assert.Equal(expected, problem);
    }

    [Theory]
    [InlineData("2026-11-03", 2026, 11, 3)]
    [InlineData("2026-11-3", 2026, 11, 3)]
    [InlineData("3 Nov", 2026, 11, 3)]
    [InlineData("Nov 3", 2026, 11, 3)]
    [InlineData("3 November 2026", 2026, 11, 3)]
    [InlineData("November 3, 2026", 2026, 11, 3)]
    [InlineData("21st Sept 2025", 2025, 9, 21)]
    [InlineData("23 Nov", 2026, 11, 23)]
    [InlineData("24 Nov", 2025, 11, 24)]
    [InlineData("29 Feb", 2024, 2, 29)]
    [InlineData("1 Jan 2027", 2027, 1, 1)]
    public void ReadsTheDay_WhenTheTextIsADate(string text, int year, int month, int day)
    {
        var ok = PeriodParser.TryParseDate(text, Today, out var date, out var problem);

        Assert.True(ok, problem);
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("2026-02-30", "2026-02-30 is not a real date.")]
    [InlineData("2026-13-01", "2026-13-01 is not a real date.")]
    [InlineData("31 April", "31 April is not a real date.")]
    [InlineData("31 April 2026", "31 April 2026 is not a real date.")]
    [InlineData("11/3", "\"11/3\" is ambiguous: write it as 2026-11-03 or 3 Nov 2026.")]
    [InlineData("3.11.2026", "\"3.11.2026\" is not a date I can read: write it as 2026-11-03 or 3 Nov 2026.")]
    [InlineData("2026 Nov 3", "\"2026 Nov 3\" is not a date I can read: write it as 2026-11-03 or 3 Nov 2026.")]
    [InlineData("last tuesday", "\"last tuesday\" is not a date I can read: write it as 2026-11-03 or 3 Nov 2026.")]
    [InlineData("", "\"\" is not a date I can read: write it as 2026-11-03 or 3 Nov 2026.")]
    [InlineData("9999-12-31", "9999-12-31 is outside the years I count (2000 to 2100).")]
    public void SaysWhatIsWrong_WhenTheTextIsNotADate(string text, string expected)
    {
        var ok = PeriodParser.TryParseDate(text, Today, out _, out var problem);

        Assert.False(ok);
        Assert.Equal(expected, problem);
    }
}
