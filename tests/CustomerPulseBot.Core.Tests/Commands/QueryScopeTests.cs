using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Trends;

namespace CustomerPulseBot.Core.Tests.Commands;

public sealed class QueryScopeTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateOnly Today = new(2026, 12, 9);

    // Mon 30 Nov to the end of Sun 6 Dec in Berlin, as "last week" resolves on Wed 9 Dec.
    private static readonly DateRange LastWeek = new(
        new DateTimeOffset(2026, 11, 29, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 6, 23, 0, 0, TimeSpan.Zero));

    private static readonly Period Between = new(PeriodKind.Between, From: new DateOnly(2026, 11, 30), To: new DateOnly(2026, 12, 6));

    public static TheoryData<QueryFilters, string> Scopes => new()
    {
        { QueryFilters.None, "between 30 Nov 2026 and 6 Dec 2026" },
        { new QueryFilters(Segment: "buyer", Customer: "Acme Corp"), "between 30 Nov 2026 and 6 Dec 2026 segment:buyer customer:\"Acme Corp\"" },
        { new QueryFilters(Theme: "export-timeouts", Kinds: SignalFilter.FrictionKinds), "between 30 Nov 2026 and 6 Dec 2026 #export-timeouts kind:pain,request" },
        {
            new QueryFilters(Source: "call", MinSeverity: Severity.High, Stage: JourneyStage.Onboard, ExcludedSegments: ["internal", "partner"]),
            "between 30 Nov 2026 and 6 Dec 2026 source:call severity:high stage:onboard segment:-internal segment:-partner"
        },
    };

    [Theory]
    [MemberData(nameof(Scopes))]
    public void WritesThePeriodAndFiltersAsWords_ThatTopAndSearchReadBack(QueryFilters filters, string scope)
    {
        var words = QueryScope.Between(LastWeek, Berlin, filters);

        Assert.Equal(scope, words);
        Assert.Equal(new TopCommand(Between, filters), CommandParser.Parse("top " + words, Today, DayOfWeek.Monday));
        Assert.Equal(new SearchCommand("export", Between, filters), CommandParser.Parse("search export " + words, Today, DayOfWeek.Monday));
    }

    [Fact]
    public void PutsTheTopicsWordsBeforeThePeriod_SoASearchReadsThemAsWhatToFind()
    {
        var words = QueryScope.Between(LastWeek, Berlin, new QueryFilters(Segment: "buyer", Topic: "slow dashboards"));

        Assert.Equal("slow dashboards between 30 Nov 2026 and 6 Dec 2026 segment:buyer", words);
        Assert.Equal(new SearchCommand("slow dashboards", Between, new QueryFilters(Segment: "buyer")), CommandParser.Parse("search " + words, Today, DayOfWeek.Monday));
    }

    [Fact]
    public void NamesTodayAsTheLastDay_WhenTheRangeEndsNow()
    {
        var range = new DateRange(LastWeek.End, new DateTimeOffset(2026, 12, 9, 10, 30, 0, TimeSpan.Zero));

        Assert.Equal("between 7 Dec 2026 and 9 Dec 2026", QueryScope.Between(range, Berlin, QueryFilters.None));
    }
}
