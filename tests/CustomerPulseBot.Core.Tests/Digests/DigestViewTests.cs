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
        var top = CommandParser.Parse("top " + view.Scope, today);
        var search = CommandParser.Parse("search export " + view.Scope, today);

        var since = new Period(PeriodKind.Since, From: view.Since);
        Assert.Equal(scope, view.Scope);
        Assert.Equal(new TopCommand(since, filters), top);
        Assert.Equal(new SearchCommand("export", since, filters), search);
    }
}
