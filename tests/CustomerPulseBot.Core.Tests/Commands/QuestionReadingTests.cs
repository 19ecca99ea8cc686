using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Trends;

namespace CustomerPulseBot.Core.Tests.Commands;

/// <summary>
/// Questions in people's own words, read by their parts (answer kind, period, filters, how many), on Monday
/// 23 Nov 2026; and texts that stay captures because they carry a capture marker or read as a statement.
/// </summary>
public sealed class QuestionReadingTests
{
    private static readonly DateOnly Today = CommandParserTests.Today;

    private static readonly Period Week = Period.ThisWeek;
    private static readonly Period LastWeek = new(PeriodKind.LastWeek);
    private static readonly Period Month = new(PeriodKind.ThisMonth);
    private static readonly Period LastMonth = new(PeriodKind.LastMonth);
    private static readonly Period ThisQuarter = new(PeriodKind.ThisQuarter);
    private static readonly Period LastQuarter = new(PeriodKind.LastQuarter);
    private static readonly Period Yesterday = new(PeriodKind.Yesterday);
    private static readonly Period TodayPeriod = new(PeriodKind.Today);

    private static Period Days(int days) => Period.LastDays(days);

    private static Period Q(int quarter, int? year = null) =>
        year is { } y ? new(PeriodKind.Quarter, From: new DateOnly(y, (quarter - 1) * 3 + 1, 1)) : new(PeriodKind.Quarter, Days: quarter);

    private static Period MonthNamed(int month) => new(PeriodKind.Month, Days: month);

    private static Period Since(int year, int month, int day) => new(PeriodKind.Since, From: new DateOnly(year, month, day));

    private static Period Day(int year, int month, int day) => new(PeriodKind.Day, From: new DateOnly(year, month, day));

    private static Period Between(int y1, int m1, int d1, int y2, int m2, int d2) =>
        new(PeriodKind.Between, From: new DateOnly(y1, m1, d1), To: new DateOnly(y2, m2, d2));

    private static QueryFilters F(
        string? segment = null, string? theme = null, string? customer = null, string[]? excluded = null, string? source = null,
        SignalKind[]? kinds = null, Severity? severity = null, JourneyStage? stage = null, string? topic = null) =>
        new(segment, theme, customer, excluded, source, kinds, severity, stage, topic);

    private static TopCommand Top(Period period, QueryFilters? filters = null, int? n = null) => new(period, filters ?? QueryFilters.None, n);

    private static TrendsCommand Trends(Period period, QueryFilters? filters = null) => new(period, filters ?? QueryFilters.None);

    private static SearchCommand Search(Period? period, QueryFilters? filters = null) => new("", period, filters ?? QueryFilters.None);

    private static CountCommand Count(Period period, QueryFilters? filters = null) => new(period, filters ?? QueryFilters.None);

    private static CustomersCommand Customers(Period period, QueryFilters? filters = null) => new(period, filters ?? QueryFilters.None);

    private static ShippedCommand Shipped(QueryFilters filters) => new(filters);

    private static SummaryCommand Summary(Period period, QueryFilters? filters = null) => new(period, filters ?? QueryFilters.None);

    private static JourneyCommand Journey(Period period, QueryFilters? filters = null) => new(period, filters ?? QueryFilters.None);

    /// <summary>The command without how it was asked, so a row states only what the answer is.</summary>
    internal static Command WithoutAsked(Command command) => command switch
    {
        TopCommand c => c with { Asked = null },
        TrendsCommand c => c with { Asked = null },
        SearchCommand c => c with { Asked = null },
        CountCommand c => c with { Asked = null },
        CustomersCommand c => c with { Asked = null },
        ShippedCommand c => c with { Asked = null },
        SummaryCommand c => c with { Asked = null },
        JourneyCommand c => c with { Asked = null },
        _ => command,
    };

    internal static Asked? AskedOf(Command command) => command switch
    {
        TopCommand c => c.Asked,
        TrendsCommand c => c.Asked,
        SearchCommand c => c.Asked,
        CountCommand c => c.Asked,
        CustomersCommand c => c.Asked,
        ShippedCommand c => c.Asked,
        SummaryCommand c => c.Asked,
        JourneyCommand c => c.Asked,
        _ => null,
    };

    public static TheoryData<string, Command> Questions => new()
    {
        { "what should we fix first?", Top(Week) },
        { "what should we focus on this month?", Top(Month) },
        { "What are this weeks top pain points", Top(Week) },
        { "top pain points this wk", Top(Week) },
        { "Top customer pain points — past 7 days", Top(Days(7)) },
        { "give me the top 3 pain points", Top(Week, n: 3) },
        { "what were the top issues in Q3?", Top(Q(3)) },
        { "whats our #1 problem right now?", Top(Days(7), n: 1) },
        { "the 5 biggest complaints from enterprise buyers last month?", Top(LastMonth, F(segment: "enterprise"), 5) },
        { "three biggest frictions for admins this quarter", Top(ThisQuarter, F(segment: "admin"), 3) },
        { "top 10 issues for SMB customers since Monday", Top(Since(2026, 11, 23), F(segment: "smb"), 10) },
        { "what are the most common complaints about SSO?", Top(Week, F(topic: "SSO")) },
        { "what should we prioritise for renewals this quarter?", Top(ThisQuarter, F(stage: JourneyStage.Renew)) },
        { "biggest problems for partners, excluding internal, over the last 30 days", Top(Days(30), F(segment: "partner", excluded: ["internal"])) },
        { "Which 3 themes hurt enterprise customers most in Q2 2026?", Top(Q(2, 2026), F(segment: "enterprise"), 3) },
        { "what are critical issues for enterprise this week?", Top(Week, F(segment: "enterprise", severity: Severity.Critical)) },
        { "top urgent problems from support tickets", Top(Week, F(source: "ticket", severity: Severity.High)) },
        { "what's the worst friction during onboarding?", Top(Week, F(stage: JourneyStage.Onboard)) },
        { "top feature requests this month", Top(Month, F(kinds: [SignalKind.Request])) },
        { "what do enterprise customers ask for most?", Top(Week, F(segment: "enterprise", kinds: [SignalKind.Request])) },
        { "Top 5 pain points for Acme this quarter", Top(ThisQuarter, F(customer: "Acme"), 5) },
        { "what are Globex's biggest complaints?", Top(Week, F(customer: "Globex")) },
        { "what are the top issues from Initech since 1 Nov?", Top(Since(2026, 11, 1), F(customer: "Initech")) },
        { "top problems on sales calls last week", Top(LastWeek, F(source: "call")) },
        { "top problems raised in demos this month", Top(Month, F(source: "demo")) },
        { "what are admins' biggest gripes?", Top(Week, F(segment: "admin")) },
        { "biggest pain points in the last two weeks, not internal", Top(Days(14), F(excluded: ["internal"])) },
        { "what are the key issues without prospects this month?", Top(Month, F(excluded: ["prospect"])) },
        { "Top pain points: this week, enterprise", Top(Week, F(segment: "enterprise")) },
        { "top pain points - last 30 days", Top(Days(30)) },
        { "top pain points – past 2 weeks – SMB", Top(Days(14), F(segment: "smb")) },
        { "what's hurting our daily users most this month?", Top(Month, F(segment: "user")) },
        { "what should we fix first for mid-market accounts?", Top(Week, F(segment: "mid-market")) },
        { "the worst issues in renewals last quarter", Top(LastQuarter, F(stage: JourneyStage.Renew)) },
        { "top 3 complaints about exports", Top(Week, F(topic: "exports"), 3) },
        { "top issues during trials", Top(Week, F(stage: JourneyStage.Evaluate)) },
        { "what's the #1 complaint from admins recently?", Top(Days(14), F(segment: "admin"), 1) },
        { "what are the biggest blockers for buyers during purchase?", Top(Week, F(segment: "buyer", stage: JourneyStage.Buy)) },
        { "What are the main frustrations of SMBs in October?", Top(MonthNamed(10), F(segment: "smb")) },
        { "top questions from prospects this month", Top(Month, F(segment: "prospect", kinds: [SignalKind.Question])) },
        { "top praise this week", Top(Week, F(kinds: [SignalKind.Praise])) },
        { "what severe problems did enterprise users hit last week?", Top(LastWeek, F(segment: "enterprise", severity: Severity.High)) },
        { "top high severity issues this month", Top(Month, F(severity: Severity.High)) },
        { "most common issues in support", Top(Week, F(stage: JourneyStage.Support)) },
        { "top issues from interviews in Q4", Top(Q(4), F(source: "interview")) },
        { "top complaints in surveys since Friday", Top(Since(2026, 11, 20), F(source: "survey")) },
        { "top problems from emails past month", Top(Days(31), F(source: "email")) },
        { "what's rising this month?", Trends(Month) },
        { "anything new from enterprise this week?", Trends(Week, F(segment: "enterprise")) },
        { "which complaints are growing among admins?", Trends(Week, F(segment: "admin")) },
        { "what's trending down for SMB since monday?", Trends(Since(2026, 11, 23), F(segment: "smb")) },
        { "what got worse this quarter?", Trends(ThisQuarter) },
        { "what got better for partners last month?", Trends(LastMonth, F(segment: "partner")) },
        { "what changed since last Friday?", Trends(Since(2026, 11, 20)) },
        { "any rising issues with SSO recently?", Trends(Days(14), F(topic: "SSO")) },
        { "new issues from renewals this quarter?", Trends(ThisQuarter, F(stage: JourneyStage.Renew)) },
        { "is anything spiking right now?", Trends(Days(7)) },
        { "what's falling in Q3 2026?", Trends(Q(3, 2026)) },
        { "what's declining on support tickets this month", Trends(Month, F(source: "ticket")) },
        { "how did things shift compared to last week", Trends(LastWeek) },
        { "which issues are getting worse for enterprise buyers?", Trends(Week, F(segment: "enterprise")) },
        { "what new requests came in this week?", Trends(Week, F(kinds: [SignalKind.Request])) },
        { "what did customers say about exports?", Search(null, F(topic: "exports")) },
        { "what did we hear on sales calls this week?", Search(Week, F(source: "call")) },
        { "any feedback on SSO?", Search(null, F(topic: "SSO")) },
        { "what did Globex say about pricing last month?", Search(LastMonth, F(customer: "Globex", topic: "pricing")) },
        { "what are people saying about the new editor?", Search(null, F(topic: "new editor")) },
        { "what praise did we get this week?", Search(Week, F(kinds: [SignalKind.Praise])) },
        { "show me quotes about slow dashboards", Search(null, F(topic: "slow dashboards")) },
        { "what did Acme's admins tell us about onboarding?", Search(null, F(segment: "admin", customer: "Acme", stage: JourneyStage.Onboard)) },
        { "any questions from prospects during evaluation?", Search(null, F(segment: "prospect", kinds: [SignalKind.Question], stage: JourneyStage.Evaluate)) },
        { "what requests did we get from partners in November?", Search(MonthNamed(11), F(segment: "partner", kinds: [SignalKind.Request])) },
        { "What did Hooli mention on the demo?", Search(null, F(customer: "Hooli", source: "demo")) },
        { "feedback from Initech this week?", Search(Week, F(customer: "Initech")) },
        { "what complaints came in about billing yesterday?", Search(Yesterday, F(kinds: [SignalKind.Pain], topic: "billing")) },
        { "what are customers complaining about with the mobile app?", Search(null, F(kinds: [SignalKind.Pain], topic: "mobile app")) },
        { "anything about API rate limits from enterprise?", Search(null, F(segment: "enterprise", topic: "API rate limits")) },
        { "show me what critical users said in tickets", Search(null, F(segment: "user", source: "ticket", severity: Severity.Critical)) },
        { "what did we hear in interviews last month?", Search(LastMonth, F(source: "interview")) },
        { "find feedback on invoices", Search(null, F(topic: "invoices")) },
        { "what are customers telling us about pricing?", Search(null, F(topic: "pricing")) },
        { "tell me what enterprise buyers think of the reporting", Search(null, F(segment: "enterprise", topic: "reporting")) },
        { "what did the surveys say about onboarding?", Search(null, F(source: "survey", stage: JourneyStage.Onboard)) },
        { "any comments on dark mode since 1 Nov?", Search(Since(2026, 11, 1), F(topic: "dark mode")) },
        { "how many people mentioned SSO this month?", Count(Month, F(topic: "SSO")) },
        { "how many complaints about exports last week?", Count(LastWeek, F(kinds: [SignalKind.Pain], topic: "exports")) },
        { "how many enterprise customers raised billing issues?", Count(Days(90), F(segment: "enterprise", kinds: [SignalKind.Pain], topic: "billing")) },
        { "how many signals came from sales calls this quarter", Count(ThisQuarter, F(source: "call")) },
        { "how many feature requests from prospects in Q3?", Count(Q(3), F(segment: "prospect", kinds: [SignalKind.Request])) },
        { "how often do admins complain about SSO?", Count(Days(90), F(segment: "admin", kinds: [SignalKind.Pain], topic: "SSO")) },
        { "number of critical issues this week", Count(Week, F(kinds: [SignalKind.Pain], severity: Severity.Critical)) },
        { "how many times did Acme mention exports?", Count(Days(90), F(customer: "Acme", topic: "exports")) },
        { "which customers are affected by slow dashboards?", Customers(Days(90), F(topic: "slow dashboards")) },
        { "who is complaining about SSO?", Customers(Days(90), F(kinds: [SignalKind.Pain], topic: "SSO")) },
        { "which accounts asked for dark mode this quarter?", Customers(ThisQuarter, F(kinds: [SignalKind.Request], topic: "dark mode")) },
        { "who mentioned pricing on sales calls last month?", Customers(LastMonth, F(source: "call", topic: "pricing")) },
        { "which enterprise customers hit export timeouts?", Customers(Days(90), F(segment: "enterprise", topic: "export timeouts")) },
        { "list the customers who complained about onboarding", Customers(Days(90), F(kinds: [SignalKind.Pain], stage: JourneyStage.Onboard)) },
        { "what customers are impacted by the sync bug?", Customers(Days(90), F(kinds: [SignalKind.Pain], topic: "sync")) },
        { "who's hitting SSO errors?", Customers(Days(90), F(topic: "SSO errors")) },
        { "has export timeouts gotten better since we shipped?", Shipped(F(topic: "export timeouts")) },
        { "did the fix for SSO login work?", Shipped(F(topic: "SSO login")) },
        { "did the release help with slow dashboards?", Shipped(F(topic: "slow dashboards")) },
        { "is #billing better since the launch?", Shipped(F(theme: "billing")) },
        { "have complaints about exports dropped since we released the fix?", Shipped(F(topic: "exports")) },
        { "what happened to onboarding friction after we shipped?", Shipped(F(stage: JourneyStage.Onboard)) },
        { "summarize yesterday's feedback", Summary(Yesterday) },
        { "give me a recap of last week", Summary(LastWeek) },
        { "can you summarise this month for enterprise?", Summary(Month, F(segment: "enterprise")) },
        { "overview of Q3 please", Summary(Q(3)) },
        { "recap todays feedback", Summary(TodayPeriod) },
        { "quick summary of what we heard from partners this week", Summary(Week, F(segment: "partner")) },
        { "how are we doing?", Summary(Week) },
        { "tldr for the past 7 days?", Summary(Days(7)) },
        { "where in the journey do customers struggle?", Journey(Week) },
        { "which stage has the most friction?", Journey(Week) },
        { "where do enterprise admins get stuck?", Journey(Week, F(segment: "enterprise")) },
        { "at which stage are prospects struggling this quarter?", Journey(ThisQuarter, F(segment: "prospect")) },
        { "show me the customer journey friction for last month", Journey(LastMonth) },
        { "where are buyers dropping off?", Journey(Week, F(segment: "buyer")) },
        { "top issues since Thursday", Top(Since(2026, 11, 19)) },
        { "what did customers complain about on Friday?", Top(Day(2026, 11, 20)) },
        { "what did we hear last Tuesday?", Search(Day(2026, 11, 17)) },
        { "top pain points over the past 3 months", Top(Days(92)) },
        { "top issues in the last couple of weeks", Top(Days(14)) },
        { "top issues for the past few days", Top(Days(3)) },
        { "what were the biggest problems in Q1?", Top(Q(1)) },
        { "top issues this qtr", Top(ThisQuarter) },
        { "biggest problems last quarter for SMB", Top(LastQuarter, F(segment: "smb")) },
        { "top complaints in the previous week", Top(LastWeek) },
        { "what's new today?", Trends(TodayPeriod) },
        { "what's trending these days?", Trends(Days(14)) },
        { "top issues this past week", Top(Days(7)) },
        { "What's rising: last 14 days", Trends(Days(14)) },
        { "what are todays top complaints", Top(TodayPeriod) },
        { "whats rising this months for admins", Trends(Month, F(segment: "admin")) },
        { "biggest problems from 1 Oct to 31 Oct?", Top(Between(2026, 10, 1, 2026, 10, 31)) },
        { "what were the worst issues in September?", Top(MonthNamed(9)) },
        { "top issues in Q3 2025", Top(Q(3, 2025)) },
        { "top issues from last wk", Top(LastWeek) },
        { "top issues excluding internal and partners", Top(Week, F(excluded: ["internal", "partner"])) },
        { "what are non-internal users complaining about?", Top(Week, F(segment: "user", excluded: ["internal"])) },
        { "top problems except prospects", Top(Week, F(excluded: ["prospect"])) },
        { "what do decision makers complain about most?", Top(Week, F(segment: "buyer")) },
        { "top issues for end users other than admins", Top(Week, F(segment: "user", excluded: ["admin"])) },
        { "what are resellers struggling with?", Top(Week, F(segment: "partner")) },
        { "top issues for IT admins", Top(Week, F(segment: "admin")) },
        { "whats the top issue this week", Top(Week) },
        { "What's the biggest problem—this quarter?", Top(ThisQuarter) },
        { "top pain points:last 7 days", Top(Days(7)) },
        { "Top pain points —past 7 days", Top(Days(7)) },
        { "top issues - enterprise - this month", Top(Month, F(segment: "enterprise")) },
        { "can you show me the top 5 issues for Acme Corp?", Top(Week, F(customer: "Acme Corp"), 5) },
        { "do we have any rising complaints from Globex?", Trends(Week, F(customer: "Globex")) },
        { "should we be concerned about SSO?", Search(null, F(topic: "SSO")) },
        { "what are the 3 most common requests from admins in Q4?", Top(Q(4), F(segment: "admin", kinds: [SignalKind.Request]), 3) },
        { "show the top ten problems for enterprise, except internal", Top(Week, F(segment: "enterprise", excluded: ["internal"]), 10) },
        { "any urgent tickets from Initech today?", Search(TodayPeriod, F(customer: "Initech", source: "ticket", severity: Severity.High)) },
        { "give me an overview of onboarding for SMB right now", Summary(Days(7), F(segment: "smb", stage: JourneyStage.Onboard)) },
        { "what do partners love this month?", Search(Month, F(segment: "partner", kinds: [SignalKind.Praise])) },
        { "did Globex complain about invoices since October?", Search(Since(2026, 10, 1), F(customer: "Globex", kinds: [SignalKind.Pain], topic: "invoices")) },
        { "what are the main problems since last week?", Top(Since(2026, 11, 16)) },
        { "top issues with SSO this month?", Top(Month, F(topic: "SSO")) },
        { "top issues for SSO this month?", Top(Month, F(topic: "SSO")) },
        { "what were the worst problems in 2025?", Top(Between(2025, 1, 1, 2025, 12, 31)) },
        { "how many SSO complaints YTD?", Count(Since(2026, 1, 1), F(kinds: [SignalKind.Pain], topic: "SSO")) },
        { "trends in onboarding complaints about the setup wizard?", Trends(Week, F(stage: JourneyStage.Onboard, topic: "setup wizard")) },
        { "what's changed since last month?", Trends(Since(2026, 10, 1)) },
        { "who are our biggest complainers this quarter?", Customers(ThisQuarter, F(kinds: [SignalKind.Pain])) },
        { "biggest headaches for admins in november", Top(MonthNamed(11), F(segment: "admin")) },
        { "number of mentions of pricing in Q3", Count(Q(3), F(topic: "pricing")) },
        { "count of complaints from Initech last week", Count(LastWeek, F(customer: "Initech", kinds: [SignalKind.Pain])) },
        { "list complaints not from internal users", Top(Week, F(excluded: ["internal"])) },
        { "praise from admins last week", Search(LastWeek, F(segment: "admin", kinds: [SignalKind.Praise])) },
    };

    public static TheoryData<string> Captures => new()
    {
        "Number of seats is wrong on the invoice again",
        "Count of rows in the export never matches the dashboard",
        "\"Why do I have to log in twice?\" customer:Hooli",
        "Why do I have to log in twice? customer:Hooli",
        "What is this export format even for? customer:Acme source:call",
        "How do I reset my password? segment:user",
        "What happened to the old reports page? #reports",
        "which button saves the draft? https://support.example/T-9",
        "“What's the point of the top bar?” customer:Initech",
        "our top priority is exports that finish customer:Acme",
        "is there a way to bulk edit users? customer:Acme",
        "can we get SSO for the admin console? segment:admin kind:request",
        "Where did the export button go? source:ticket",
        "who thought this pricing page was a good idea? severity:low",
        "should this really take 40 seconds to load? #slow-dashboard",
        "any chance of a dark mode? kind:request customer:Hooli",
        "show me a way to undo a bulk delete please stage:use",
        "Tell your team the import is broken again severity:critical",
        "Find-and-replace in the editor is broken said:yesterday",
        "\"What are the top issues you are working on?\"",
        "\"how many seats do we get on the starter plan?\"",
        "\"Top of the line product, slow support\"",
        "“Which plan includes audit logs?”",
        "What a mess, the billing page keeps timing out customer:Initech",
        "Why is the dashboard so slow on Mondays? segment:enterprise source:call",
        "Has anyone fixed the CSV export yet? said:3 days ago",
        "Did the invoice email ever get sent? said:last Friday",
        "When will SAML be available? kind:question said:2026-11-20",
        "how come every export times out at 10k rows? https://support.example/T-77",
        "Do you have a roadmap for offline mode? #offline-mode",
        "does the API support webhooks? source:email",
        "are trending topics ever going to be filterable? customer:Acme",
        "the top bar covers our own logo on small screens",
        "exports keep timing out for us",
        "we lost two days to the SSO setup",
        "new users can't find the import button this month",
        "Biggest problem for us: invoices arrive late every month",
        "I love the new timeline view!",
        "your export is too slow, we lose hours every week",
        "this week the dashboard crashed three times",
        "we had the same problem this week with SSO",
        "delete button is hidden behind the menu",
        "undo doesn't work in the editor",
        "edit mode loses my changes when I switch tabs",
        "customer success never called us back",
        "Onboarding took us three weeks and two calls with support",
        "The pricing page says one thing and the invoice another customer:Acme",
        "Pain points for us are mostly around permissions customer:Globex",
        "Complaints from our admins pile up every Monday customer:Initech",
        "What's the top tier price again? customer:Hooli said:2 weeks ago",
        "Any way to see trending reports per team? #reporting",
        "\"top 3 things we hate: exports, SSO, invoices\"",
        "Love it!",
        "I love the praise feature",
        "we need this for onboarding",
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public void ReadsTheQuestionByItsParts_WhenTextIsAQuestionInPlainWords(string text, Command expected)
    {
        var command = CommandParser.Parse(text, Today, DayOfWeek.Monday);

        Assert.Equal(expected, WithoutAsked(command));
    }

    [Fact]
    public void NeverCapturesAQuestion_WhenItCarriesNoCaptureMarker()
    {
        var texts = Questions.Select(row => (string)row[0]).ToList();

        var captured = texts.Where(t => CommandParser.Parse(t, Today, DayOfWeek.Monday) is CaptureCommand).ToList();

        Assert.True(texts.Count >= 150, $"the table has {texts.Count} questions");
        Assert.Empty(captured);
    }

    [Fact]
    public void KeepsTheQuestionAsAsked_WhenTheQuestionIsInPlainWords()
    {
        var texts = Questions.Select(row => (string)row[0]).Where(t => !t.Split(' ')[0].Equals("top", StringComparison.OrdinalIgnoreCase) && !t.StartsWith("trends ", StringComparison.Ordinal)).ToList();

        var unasked = texts.Where(t => AskedOf(CommandParser.Parse(t, Today, DayOfWeek.Monday))?.Text != t).ToList();

        Assert.Empty(unasked);
    }

    [Theory]
    [InlineData("the 5 biggest complaints from enterprise buyers last month?", "top 5 pain points · last month · enterprise")]
    [InlineData("whats our #1 problem right now?", "#1 pain point · the last 7 days")]
    [InlineData("what are the biggest problems, not internal or partners?", "top pain points · this week · not internal or partner")]
    [InlineData("what are the top feature requests from Acme this quarter?", "top requests · this quarter · Acme")]
    [InlineData("how many critical issues came from sales calls during onboarding in Q3?", "how many signals · Q3 · complaints · on calls · critical · during onboarding")]
    [InlineData("which customers are affected by slow dashboards?", "which customers · the last 90 days · about “slow dashboards”")]
    [InlineData("any feedback on SSO?", "what customers said · the last 90 days · about “SSO”")]
    [InlineData("did the fix for #billing work?", "before and after it shipped · #billing")]
    [InlineData("summarize yesterday's feedback from urgent tickets", "a summary · yesterday · on tickets · high severity and up")]
    [InlineData("where do admins get stuck?", "friction by journey stage · this week · admin")]
    public void SaysHowItReadTheQuestion_WhenTheTextIsAQuestion(string text, string reading)
    {
        var asked = AskedOf(CommandParser.Parse(text, Today, DayOfWeek.Monday));

        Assert.Equal(reading, asked?.Reading);
    }

    [Theory]
    [InlineData("what should we prioritize next quarter for SMB?", "next quarter")]
    [InlineData("what's rising in the coming weeks?", "coming weeks")]
    public void SaysAFuturePeriodWasNotUnderstood_WhenAQuestionLooksAhead(string text, string ignored)
    {
        var command = CommandParser.Parse(text, Today, DayOfWeek.Monday);

        Assert.Contains(ignored, AskedOf(command)?.NotUnderstood ?? []);
        Assert.Equal(Period.ThisWeek, command switch { TopCommand t => t.Period, TrendsCommand t => t.Period, _ => null });
    }

    [Theory]
    [InlineData("what's trending these days?", "“these days” read as the last 14 days")]
    [InlineData("any complaints from admins recently?", "“recently” read as the last 14 days")]
    [InlineData("what should we fix right now?", "“right now” read as the last 7 days")]
    [InlineData("what's changed since last week?", "“since last week” read as since Mon 16 Nov")]
    [InlineData("what are the top issues since this quarter?", "“since this quarter” read as since Thu 1 Oct")]
    public void SaysWhatAVagueWordBecame_WhenAQuestionUsesOne(string text, string note)
    {
        var asked = AskedOf(CommandParser.Parse(text, Today, DayOfWeek.Monday));

        Assert.Equal([note], asked?.Notes);
    }

    [Fact]
    public void StartsSinceLastWeekOnTheWorkspacesFirstDay_WhenWeeksStartOnSunday()
    {
        var command = CommandParser.Parse("what's changed since last week?", Today, DayOfWeek.Sunday);

        Assert.Equal(["“since last week” read as since Sun 15 Nov"], AskedOf(command)?.Notes);
        Assert.Equal(new Period(PeriodKind.Since, From: new DateOnly(2026, 11, 15)), Assert.IsType<TrendsCommand>(command).Period);
    }

    [Theory]
    [InlineData("why does the export take so long?", new[] { "long" })]
    [InlineData("any feedback on SSO?", new string[0])]
    [InlineData("what did Acme say on the call about exports, honestly?", new[] { "honestly" })]
    [InlineData("what's rising this week vs last week?", new[] { "last week" })]
    public void SaysWhichWordsItDidNotUse_WhenAQuestionHasMoreThanOneSubject(string text, string[] ignored)
    {
        var asked = AskedOf(CommandParser.Parse(text, Today, DayOfWeek.Monday))!;

        Assert.Equal(ignored, asked.NotUnderstood);
        Assert.Equal(ignored.Length == 0, asked.FullyUnderstood);
    }

    [Theory]
    [InlineData("top 3 this month")]
    [InlineData("trends last week")]
    [InlineData("search export timeout")]
    public void LeavesAskedEmpty_WhenTheTextIsAKeywordCommand(string text)
    {
        var command = CommandParser.Parse(text, Today, DayOfWeek.Monday);

        Assert.Null(AskedOf(command));
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void CapturesTheText_WhenItCarriesACaptureMarkerOrReadsAsAStatement(string text)
    {
        var command = CommandParser.Parse(text, Today, DayOfWeek.Monday);

        var draft = Assert.IsType<CaptureCommand>(command).Draft;
        Assert.NotEmpty(draft.Quote);
        Assert.Contains(draft.Quote, text);
    }
}
