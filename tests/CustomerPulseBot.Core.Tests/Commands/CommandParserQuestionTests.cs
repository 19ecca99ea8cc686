using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Trends;

namespace CustomerPulseBot.Core.Tests.Commands;

/// <summary>
/// Plain words: questions become top or trends, as they always did (now with how they were asked); statements stay
/// captures; a customer's question typed without a capture marker is read as a question, and the person can save it as a quote.
/// </summary>
public sealed class CommandParserQuestionTests
{
    private static readonly DateOnly Today = CommandParserTests.Today;

    private static TopCommand Top(Period period, string? segment = null, string? theme = null, int? count = null) => new(period, new QueryFilters(segment, theme), count);

    private static TrendsCommand Trends(Period period, string? segment = null) => new(period, new QueryFilters(segment));

    private static Period Kind(PeriodKind kind) => new(kind);

    private static Period Since(int year, int month, int day) => new(PeriodKind.Since, From: new DateOnly(year, month, day));

    public static TheoryData<string, Command> Questions => new()
    {
        { "what are this week's top customer pain points?", Top(Period.ThisWeek) },
        { "what's rising for enterprise buyers this month?", Trends(Kind(PeriodKind.ThisMonth), "enterprise") },
        { "top pain points last week", Top(Kind(PeriodKind.LastWeek)) },
        { "biggest complaints from admins in the last 30 days", Top(Period.LastDays(30), "admin") },
        { "what are customers struggling with?", Top(Period.ThisWeek) },
        { "show me falling themes since March", Trends(Since(2026, 3, 1)) },
        { "any new frictions today?", Trends(Kind(PeriodKind.Today)) },
        { "What are the main pain points for SMB customers this month?", Top(Kind(PeriodKind.ThisMonth), "smb") },
        { "tell me the top complaints from small businesses last month", Top(Kind(PeriodKind.LastMonth), "smb") },
        { "give me the biggest issues for internal teams in the past 2 weeks", Top(Period.LastDays(14), "internal") },
        { "which problems are growing among partners?", Trends(Period.ThisWeek, "partner") },
        { "what is trending with prospects yesterday?", Trends(Kind(PeriodKind.Yesterday), "prospect") },
        { "what are users complaining about?", Top(Period.ThisWeek, "user") },
        { "what are mid-market accounts struggling with since 2026-11-01?", Top(Since(2026, 11, 1), "mid-market") },
        { "show me declining issues last month", Trends(Kind(PeriodKind.LastMonth)) },
        { "what are the worst frictions for enterprise admins this week?", Top(Period.ThisWeek, "enterprise") },
        { "Which pain points are rising?", Trends(Period.ThisWeek) },
        { "what's new this week?", Trends(Period.ThisWeek) },
        { "what problems have buyers raised in November?", Top(new Period(PeriodKind.Month, Days: 11), "buyer") },
        { "what issues did admins report between 1 Nov and 15 Nov?", Top(new Period(PeriodKind.Between, From: new(2026, 11, 1), To: new(2026, 11, 15)), "admin") },
        { "what are the top 5 pain points this month?", Top(Kind(PeriodKind.ThisMonth), count: 5) },
        { "any growing complaints from enterprise customers over the last 7 days?", Trends(Period.LastDays(7), "enterprise") },
        { "what are our customers' biggest frustrations this quarter?", Top(Kind(PeriodKind.ThisQuarter)) },
        { "what have we been hearing from buyers lately? any complaints?", Top(Period.LastDays(14), "buyer") },
        { "list the top issues for mid market users", Top(Period.ThisWeek, "mid-market") },
        { "What is falling for admins in March 2026?", Trends(new Period(PeriodKind.Month, From: new(2026, 3, 1)), "admin") },
        { "show me rising pain points yesterday", Trends(Kind(PeriodKind.Yesterday)) },
        { "what are customers complaining about segment:admin?", Top(Period.ThisWeek, "admin") },
        { "what are enterprise users complaining about in #billing?", Top(Period.ThisWeek, "enterprise", "billing") },
        { "what are the biggest problems in the last 2 weeks?", Top(Period.LastDays(14)) },
        { "what has changed for partners since monday?", Trends(Since(2026, 11, 23), "partner") },
        { "what's trending today?", Trends(Kind(PeriodKind.Today)) },
        { "any emerging issues among administrators past week?", Trends(Period.LastDays(7), "admin") },
        { "what are prospects struggling with this year?", Top(Since(2026, 1, 1), "prospect") },
        { "WHAT ARE CUSTOMERS STRUGGLING WITH THIS WEEK?", Top(Period.ThisWeek) },
        { "/pulse what are the top issues for enterprise last quarter?", Top(Kind(PeriodKind.LastQuarter), "enterprise") },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public void AnswersAsTopOrTrends_WhenTheTextIsAQuestion(string text, Command expected)
    {
        var command = CommandParser.Parse(text, Today, DayOfWeek.Monday);

        Assert.Equal(expected, QuestionReadingTests.WithoutAsked(command));
        Assert.Equal(text.StartsWith("top ", StringComparison.Ordinal) ? null : text, QuestionReadingTests.AskedOf(command)?.Text);
    }

    [Theory]
    [InlineData("what new themes are there this month?", PeriodKind.ThisMonth)]
    [InlineData("any new themes?", PeriodKind.ThisWeek)]
    [InlineData("emerging topics this week?", PeriodKind.ThisWeek)]
    public void FindsNewThemes_WhenAQuestionAsksForNewThemes(string text, PeriodKind period)
    {
        var command = CommandParser.Parse(text, Today, DayOfWeek.Monday);

        var asked = Assert.IsType<ThemesNewCommand>(command);
        Assert.Equal(period, asked.Period.Kind);
        Assert.Equal(text, asked.Asked?.Text);
    }

    [Theory]
    [InlineData("your export is too slow, we lose hours every week")]
    [InlineData("this week the dashboard crashed three times")]
    [InlineData("we had the same problem this week with SSO")]
    [InlineData("I love the new timeline view!")]
    [InlineData("the top bar covers our own logo on small screens")]
    [InlineData("Biggest problem for us: invoices arrive late every month")]
    [InlineData("new users can't find the import button this month")]
    [InlineData("why does the export take so long? customer:Acme")]
    public void KeepsTheQuoteAsACapture_WhenACustomerQuoteMerelySoundsLikeAQuestion(string text)
    {
        var command = CommandParser.Parse(text, Today, DayOfWeek.Monday);

        Assert.Equal(text.Replace(" customer:Acme", ""), Assert.IsType<CaptureCommand>(command).Draft.Quote);
    }

    [Theory]
    [InlineData("why does the export take so long?", typeof(SearchCommand), "what customers said · the last 90 days · about “export take”")]
    [InlineData("is there a way to bulk edit users?", typeof(SearchCommand), "what customers said · the last 90 days · user · about “bulk edit”")]
    [InlineData("Any chance you could fix the top menu? It hides the search", typeof(TopCommand), "top pain points · this week · about “chance”")]
    [InlineData("what happened to the old reports page?", typeof(SearchCommand), "what customers said · the last 90 days · about “old reports page”")]
    [InlineData("what a mess, the new billing page keeps timing out", typeof(SearchCommand), "what customers said · the last 90 days · about “new billing page keeps timing”")]
    [InlineData("are there any plans for SAML?", typeof(SearchCommand), "what customers said · the last 90 days · about “SAML”")]
    [InlineData("what are you doing about the problems with sync?", typeof(SearchCommand), "what customers said · the last 90 days · complaints · about “sync”")]
    [InlineData("C# SDK is missing async methods, what are the top issues on your roadmap?", typeof(TopCommand), "top pain points · this week · about “roadmap”")]
    public void AnswersAndKeepsTheText_WhenACustomerQuestionIsTypedWithoutACaptureMarker(string text, Type answer, string reading)
    {
        var command = CommandParser.Parse(text, Today, DayOfWeek.Monday);

        Assert.IsType(answer, command);
        var asked = QuestionReadingTests.AskedOf(command)!;
        Assert.Equal(text, asked.Text);
        Assert.Equal(reading, asked.Reading);
        Assert.Equal(text, CommandParser.Capture(asked.Text).Draft.Quote);
    }
}
