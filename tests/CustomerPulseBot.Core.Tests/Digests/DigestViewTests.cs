using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Views;

namespace CustomerPulseBot.Core.Tests.Digests;

public sealed class DigestViewTests
{
    public static TheoryData<QueryFilters, string> Scopes => new()
    {
        { QueryFilters.None, "since 4 Nov 2026" },
        { new QueryFilters(Segment: "enterprise"), "since 4 Nov 2026 segment:enterprise" },
        { new QueryFilters("buyer", "export-timeouts", "Acme"), "since 4 Nov 2026 segment:buyer #export-timeouts customer:Acme" },
        { new QueryFilters(Customer: "Harbor & Finch Legal"), "since 4 Nov 2026 customer:\"Harbor & Finch Legal\"" },
    };

    [Theory]
    [MemberData(nameof(Scopes))]
    public void ScopeReadsBackAsTheDigestsFirstDayAndFilters_AfterTopOrSearch(QueryFilters filters, string scope)
    {
        var view = new DigestView("since Wed 4 Nov, 09:00 Europe/Berlin", new DateOnly(2026, 11, 4), filters, [], 0, [], [], [], []);

        var today = new DateOnly(2027, 1, 10);
        var top = CommandParser.Parse("top " + view.Scope, today, DayOfWeek.Monday);
        var search = CommandParser.Parse("search export " + view.Scope, today, DayOfWeek.Monday);

        var since = new Period(PeriodKind.Since, From: view.Since);
        Assert.Equal(scope, view.Scope);
        Assert.Equal(new TopCommand(since, filters), top);
        Assert.Equal(new SearchCommand("export", since, filters), search);
    }

    [Fact]
    public void ScopeNamesTheFirstAndLastDay_WhenTheViewSummarizesAPeriod()
    {
        var filters = new QueryFilters(Segment: "buyer", Customer: "Acme Corp");
        var view = new DigestView("last week", new DateOnly(2026, 11, 30), filters, [], 0, [], [], [], [], Until: new DateOnly(2026, 12, 6));

        var top = CommandParser.Parse("top " + view.Scope, new DateOnly(2026, 12, 9), DayOfWeek.Monday);

        Assert.Equal("between 30 Nov 2026 and 6 Dec 2026 segment:buyer customer:\"Acme Corp\"", view.Scope);
        Assert.Equal(new TopCommand(new Period(PeriodKind.Between, From: view.Since, To: view.Until), filters), top);
    }
}
