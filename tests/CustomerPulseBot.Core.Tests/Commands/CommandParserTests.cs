using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Trends;

namespace CustomerPulseBot.Core.Tests.Commands;

/// <summary>The command language, one row per form: this table is also its reference.</summary>
public sealed class CommandParserTests
{
    /// <summary>A Monday.</summary>
    internal static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly QueryFilters None = QueryFilters.None;

    private static Period Since(int year, int month, int day) => new(PeriodKind.Since, From: new DateOnly(year, month, day));

    private static DigestCommand Schedule(
        DigestCadence cadence, DayOfWeek? day, int hour, int minute, string? zone = null, QueryFilters? filters = null, bool skipEmpty = false) =>
        new(new DigestScheduleRequest(cadence, day, new TimeOnly(hour, minute), zone, filters ?? None, skipEmpty));

    public static TheoryData<string, Command> Commands => new()
    {
        { "", new OpenCaptureFormCommand() },
        { "/pulse", new OpenCaptureFormCommand() },
        { "  /PULSE  ", new OpenCaptureFormCommand() },
        { "capture", new OpenCaptureFormCommand() },
        { "top", new TopCommand(Period.ThisWeek, None) },
        { "/pulse top", new TopCommand(Period.ThisWeek, None) },
        { "TOP yesterday", new TopCommand(new Period(PeriodKind.Yesterday), None) },
        { "top last week", new TopCommand(new Period(PeriodKind.LastWeek), None) },
        { "top this month segment:enterprise", new TopCommand(new Period(PeriodKind.ThisMonth), new QueryFilters("enterprise")) },
        { "top last 30 days segment:Buyer #Slow-Dashboard customer:\"Acme Corp\"", new TopCommand(Period.LastDays(30), new QueryFilters("buyer", "slow-dashboard", "Acme Corp")) },
        { "top since 3 Nov", new TopCommand(Since(2026, 11, 3), None) },
        { "top since 20 Dec", new TopCommand(Since(2025, 12, 20), None) },
        { "top 5 pain points this week", new TopCommand(Period.ThisWeek, None, 5) },
        { "top 3 this month", new TopCommand(new Period(PeriodKind.ThisMonth), None, 3) },
        { "top 3 complaints about exports", new TopCommand(Period.ThisWeek, new QueryFilters(Topic: "exports"), 3) },
        { "top complaints from enterprise buyers on support tickets, excluding internal, last 30 days", new TopCommand(Period.LastDays(30), new QueryFilters("enterprise", ExcludedSegments: ["internal"], Source: "ticket")) },
        { "top pain points this wk", new TopCommand(Period.ThisWeek, None) },
        { "Top customer pain points — past 7 days", new TopCommand(Period.LastDays(7), None) },
        { "trends this quarter", new TrendsCommand(new Period(PeriodKind.ThisQuarter), None) },
        { "trends Q3 2026 #billing", new TrendsCommand(new Period(PeriodKind.Quarter, From: new(2026, 7, 1)), new QueryFilters(Theme: "billing")) },
        { "search #export-timeouts", new SearchCommand("", null, new QueryFilters(Theme: "export-timeouts")) },
        { "search #sso last month", new SearchCommand("", new Period(PeriodKind.LastMonth), new QueryFilters(Theme: "sso")) },
        { "undo", new UndoCommand() },
        { "Undo that", new UndoCommand() },
        { "undo my last capture", new UndoCommand() },
        { "delete 0193f2a1", new DeleteSignalCommand("0193f2a1") },
        { "delete 0193F2A1C4D5", new DeleteSignalCommand("0193f2a1c4d5") },
        { "delete `0193f2a1`", new DeleteSignalCommand("0193f2a1") },
        { "delete 0193f2a1-7c3e-7b2a-9d4e-5f6a7b8c9d0e", new DeleteSignalCommand("0193f2a1-7c3e-7b2a-9d4e-5f6a7b8c9d0e") },
        { "edit 0193f2a1", new EditSignalCommand("0193f2a1") },
        { "/pulse edit abcdef", new EditSignalCommand("abcdef") },
        { "customer merge \"Acme Corp\" Acme", new MergeCustomersCommand("Acme Corp", "Acme") },
        { "customer merge Acme Corp into Acme", new MergeCustomersCommand("Acme Corp", "Acme") },
        { "customer merge “Globex Inc.” “Globex”", new MergeCustomersCommand("Globex Inc.", "Globex") },
        { "customer merge Initech Initrode", new MergeCustomersCommand("Initech", "Initrode") },
        { "forget customer:Acme", new ForgetCustomerCommand("Acme") },
        { "/pulse Forget customer:\"Acme Corp\"", new ForgetCustomerCommand("Acme Corp") },
        { "forget customer:“Globex Inc.”", new ForgetCustomerCommand("Globex Inc.") },
        { "help questions", new HelpCommand("questions") },
        { "help question", new HelpCommand("question") },
        { "help customer merge", new HelpCommand("customer merge") },
        { "top enterprise buyers last month", new TopCommand(new Period(PeriodKind.LastMonth), new QueryFilters("enterprise")) },
        { "top customer:Initech", new TopCommand(Period.ThisWeek, new QueryFilters(Customer: "Initech")) },
        { "trends", new TrendsCommand(Period.ThisWeek, None) },
        { "trends last month", new TrendsCommand(new Period(PeriodKind.LastMonth), None) },
        { "trends between 2026-11-01 and 2026-11-15 segment:admin", new TrendsCommand(new Period(PeriodKind.Between, From: new(2026, 11, 1), To: new(2026, 11, 15)), new QueryFilters("admin")) },
        { "trends in March", new TrendsCommand(new Period(PeriodKind.Month, Days: 3), None) },
        { "trends march 2026 #billing", new TrendsCommand(new Period(PeriodKind.Month, From: new(2026, 3, 1)), new QueryFilters(Theme: "billing")) },
        { "search export timeout", new SearchCommand("export timeout", null, None) },
        { "search export timeout since 3 Nov", new SearchCommand("export timeout", Since(2026, 11, 3), None) },
        { "search \"single sign-on\" segment:admin last 7 days", new SearchCommand("single sign-on", Period.LastDays(7), new QueryFilters("admin")) },
        { "search last login", new SearchCommand("last login", null, None) },
        { "search invoices in march", new SearchCommand("invoices", new Period(PeriodKind.Month, Days: 3), None) },
        { "themes", new ThemesCommand() },
        { "Themes?", new ThemesCommand() },
        { "themes new", new ThemesNewCommand(Period.ThisWeek) },
        { "themes new this month", new ThemesNewCommand(new Period(PeriodKind.ThisMonth)) },
        { "themes new last 30 days", new ThemesNewCommand(Period.LastDays(30)) },
        { "theme merge slow-dash slow-dashboard", new MergeThemesCommand("slow-dash", "slow-dashboard") },
        { "theme merge #Slow-Dash into #slow_dashboard", new MergeThemesCommand("slow-dash", "slow-dashboard") },
        { "theme rename slow-dash to slow-dashboard", new RenameThemeCommand("slow-dash", "slow-dashboard") },
        { "theme rename #Slow-Dash #slow_dashboard", new RenameThemeCommand("slow-dash", "slow-dashboard") },
        { "theme rename a b", new RenameThemeCommand("a", "b") },
        { "admins", new AdminsCommand() },
        { "/pulse admins", new AdminsCommand() },
        { "admins add <@U0BEN0002>", new AddAdminCommand("<@U0BEN0002>") },
        { "admins add <@U0BEN0002|ben>", new AddAdminCommand("<@U0BEN0002|ben>") },
        { "Admins add <at>Ben Ortiz</at>", new AddAdminCommand("<at>Ben Ortiz</at>") },
        { "admins add @Ana Silva", new AddAdminCommand("@Ana Silva") },
        { "admins remove @Ben", new RemoveAdminCommand("@Ben") },
        { "admins remove <@U0BEN0002>", new RemoveAdminCommand("<@U0BEN0002>") },
        { "help admins", new HelpCommand("admins") },
        { "theme ship export-timeouts streaming exports in 4.2", new ShipThemeCommand("export-timeouts", "streaming exports in 4.2") },
        { "theme ship #SSO-Setup", new ShipThemeCommand("sso-setup", null) },
        { "theme ship billing: new invoice layout", new ShipThemeCommand("billing", "new invoice layout") },
        { "digest daily 09:00", Schedule(DigestCadence.Daily, null, 9, 0) },
        { "digest daily 09:00 Europe/Berlin segment:enterprise #billing skip-empty", Schedule(DigestCadence.Daily, null, 9, 0, "Europe/Berlin", new QueryFilters("enterprise", "billing"), skipEmpty: true) },
        { "digest weekdays 08:30", Schedule(DigestCadence.Weekdays, null, 8, 30) },
        { "digest weekly mon 09:00", Schedule(DigestCadence.Weekly, DayOfWeek.Monday, 9, 0) },
        { "digest weekly friday at 5:30pm America/New_York", Schedule(DigestCadence.Weekly, DayOfWeek.Friday, 17, 30, "America/New_York") },
        { "digest daily 9 am UTC", Schedule(DigestCadence.Daily, null, 9, 0, "UTC") },
        { "digest daily 07:45 europe/berlin", Schedule(DigestCadence.Daily, null, 7, 45, "Europe/Berlin") },
        { "digest daily 12am", Schedule(DigestCadence.Daily, null, 0, 0) },
        { "digest weekly", Schedule(DigestCadence.Weekly, DayOfWeek.Monday, 9, 0) },
        { "digest off", new DigestCommand(new DigestOffRequest()) },
        { "digest now", new DigestCommand(new DigestNowRequest()) },
        { "digest status", new DigestCommand(new DigestStatusRequest()) },
        { "digest", new DigestCommand(new DigestStatusRequest()) },
        { "brief weekly mon 08:00", new DigestCommand(new DigestScheduleRequest(DigestCadence.Weekly, DayOfWeek.Monday, new TimeOnly(8, 0), null, QueryFilters.None, false), SubscriptionKind.Brief) },
        { "brief weekdays 7:30am Asia/Kolkata segment:smb", new DigestCommand(new DigestScheduleRequest(DigestCadence.Weekdays, null, new TimeOnly(7, 30), "Asia/Kolkata", new QueryFilters("smb"), false), SubscriptionKind.Brief) },
        { "brief off", new DigestCommand(new DigestOffRequest(), SubscriptionKind.Brief) },
        { "brief now", new DigestCommand(new DigestNowRequest(), SubscriptionKind.Brief) },
        { "settings", new SettingsCommand() },
        { "/pulse Settings?", new SettingsCommand() },
        { "settings timezone Europe/Berlin", new SettingsCommand(TimeZone: "Europe/Berlin") },
        { "settings auto-tag off", new SettingsCommand(AutoTag: false) },
        { "settings auto tag on", new SettingsCommand(AutoTag: true) },
        { "settings auto-tag on", new SettingsCommand(AutoTag: true) },
        { "settings redact off", new SettingsCommand(Redact: false) },
        { "settings redaction on", new SettingsCommand(Redact: true) },
        { "Settings masking = off.", new SettingsCommand(Redact: false) },
        { "settings time zone america/new_york", new SettingsCommand(TimeZone: "America/New_York") },
        { "settings tz UTC", new SettingsCommand(TimeZone: "UTC") },
        { "settings timezone to Asia/Kolkata.", new SettingsCommand(TimeZone: "Asia/Kolkata") },
        { "settings week-start sunday", new SettingsCommand(WeekStart: DayOfWeek.Sunday) },
        { "settings week starts on Sat", new SettingsCommand(WeekStart: DayOfWeek.Saturday) },
        { "SETTINGS weekstart mon", new SettingsCommand(WeekStart: DayOfWeek.Monday) },
        { "help settings", new HelpCommand("settings") },
        { "help", new HelpCommand(null) },
        { "help?", new HelpCommand(null) },
        { "help top", new HelpCommand("top") },
        { "help theme merge", new HelpCommand("theme merge") },
        { "help digest weekly", new HelpCommand("digest weekly") },
        { "help top pain points", new HelpCommand("top") },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void ParsesTheCommand_WhenTheWordsAreACommandForm(string text, Command expected)
    {
        var command = CommandParser.Parse(text, Today, DayOfWeek.Monday);

        Assert.Equal(expected, command);
    }

    [Theory]
    [InlineData("top fortnight", "a request for top pain points", "\"fortnight\" is not a period I know")]
    [InlineData("top last fortnight", "a request for top pain points", "\"last fortnight\" is not a period I know")]
    [InlineData("top segment:whale", "a request for top pain points", "\"whale\" is not a segment I know. Use one of: buyer, user, admin, internal, prospect, partner, enterprise, mid-market, smb.")]
    [InlineData("top segment:", "a request for top pain points", "\"segment:\" needs a value right after the colon, e.g. segment:enterprise")]
    [InlineData("top since 2026-02-30", "a request for top pain points", "2026-02-30 is not a real date.")]
    [InlineData("top since 31 April 2026", "a request for top pain points", "31 april 2026 is not a real date.")]
    [InlineData("top since 11/3", "a request for top pain points", "\"11/3\" is ambiguous: write it as 2026-11-03 or 3 Nov 2026.")]
    [InlineData("top since", "a request for top pain points", "\"since\" needs a date: since 3 Nov or since 2026-11-03")]
    [InlineData("top since 1999-12-31", "a request for top pain points", "1999-12-31 is outside the years I count (2000 to 2100).")]
    [InlineData("top between 2026-11-15 and 2026-11-01", "a request for top pain points", "the period ends (1 Nov 2026) before it starts (15 Nov 2026)")]
    [InlineData("top last 0 days", "a request for top pain points", "\"last 0 days\" is empty: a period needs at least one day")]
    [InlineData("top last 5000 days", "a request for top pain points", "\"last 5000 days\" reaches back too far: I look back at most 1,000 days (use since <date>)")]
    [InlineData("top last 30", "a request for top pain points", "\"last 30\" needs a unit: last 30 days or last 30 weeks")]
    [InlineData("top this week last month", "a request for top pain points", "\"this week\" and \"last month\" are two periods: name one")]
    [InlineData("trends since last week", "a request for friction trends", "\"since last week\" is not a period I know: say last week, or since a date such as since 3 Nov")]
    [InlineData("top march 3", "a request for top pain points", "\"march 3\" is one day, not a period: try since 3 march")]
    [InlineData("Top notch support, but slow", "a request for top pain points", "\"notch\" is not a period I know")]
    [InlineData("top said:yesterday", "a request for top pain points", "\"said:yesterday\" is not a filter here: use segment:…, #theme or customer:…")]
    [InlineData("trends #billing #invoices", "a request for friction trends", "#billing and #invoices are two themes: name one theme at a time")]
    [InlineData("trends segment:admin segment:buyer", "a request for friction trends", "admin and buyer are two segments: name one segment at a time")]
    [InlineData("search", "a search for quotes", "there are no words to search for")]
    [InlineData("search export since yesterdayish", "a search for quotes", "\"yesterdayish\" is not a date I can read: write it as 2026-11-03 or 3 Nov 2026.")]
    [InlineData("themes please", "a request for the theme list", "\"themes\" takes no other words, so \"please\" is one too many")]
    [InlineData("theme", "a theme command", "say what to do with the theme: merge, rename or ship")]
    [InlineData("theme archive a", "a theme command", "\"archive\" is not something I can do to a theme: use merge, rename or ship")]
    [InlineData("theme rename slow-dash", "a request to rename a theme", "theme rename needs two theme names, the one it has and the one it gets; I found 1")]
    [InlineData("theme rename #billing Billing", "a request to rename a theme", "#billing is already called that")]
    [InlineData("theme rename ### billing", "a request to rename a theme", "\"###\" cannot be a theme name: use letters, digits and dashes")]
    [InlineData("admins add", "a request to add a workspace admin", "admins add needs the person: @mention them")]
    [InlineData("admins remove <@U0ANA0001> <@U0BEN0002>", "a request to remove a workspace admin", "that names 2 people: remove one at a time")]
    [InlineData("theme merge slow-dash", "a request to merge two themes", "theme merge needs two theme names, the one to fold in and the one to keep; I found 1")]
    [InlineData("theme merge #Billing billing", "a request to merge two themes", "#billing and #billing are the same theme")]
    [InlineData("theme ship", "a request to mark a theme shipped", "theme ship needs the name of the theme that shipped")]
    [InlineData("theme ship ### done", "a request to mark a theme shipped", "\"###\" cannot be a theme name: use letters, digits and dashes")]
    [InlineData("brief monthly", "a brief schedule request", "\"monthly\" is not a digest schedule: use daily, weekdays, weekly, off, now or status")]
    [InlineData("digest hourly", "a digest schedule request", "\"hourly\" is not a digest schedule: use daily, weekdays, weekly, off, now or status")]
    [InlineData("digest daily 25:00", "a digest schedule request", "\"25:00\" is not a time of day: use 24-hour HH:MM such as 09:00, or 9am")]
    [InlineData("digest daily 9", "a digest schedule request", "\"9\" is not a time of day: use 24-hour HH:MM such as 09:00, or 9am")]
    [InlineData("digest daily 09:00 Europe/Berlim", "a digest schedule request", "\"Europe/Berlim\" is not a time zone I know: use an IANA name such as Europe/Berlin, America/New_York or Asia/Kolkata")]
    [InlineData("digest daily mon 09:00", "a digest schedule request", "a daily digest has no day: for one day a week write digest weekly mon 09:00")]
    [InlineData("digest weekly mon 09:00 10:00", "a digest schedule request", "a digest has one time, one day and one time zone; this names two times")]
    [InlineData("digest daily 09:00 soon", "a digest schedule request", "\"soon\" is not a time, day or time zone I know: e.g. digest weekly mon 09:00 Europe/Berlin")]
    [InlineData("digest daily segment:whale", "a digest schedule request", "\"whale\" is not a segment I know. Use one of: buyer, user, admin, internal, prospect, partner, enterprise, mid-market, smb.")]
    [InlineData("digest off now", "a digest schedule request", "\"digest off\" takes nothing after it, so \"now\" is one word too many")]
    [InlineData("help banana", "a request for help", "there is no help on \"banana\"; the topics are capture, form, top, trends, search, periods, themes, theme, digest, brief, questions, undo, delete, edit, customer, export, api-key, forget, settings, admins, help")]
    [InlineData("settings timezone", "a change to the workspace's time zone", "settings timezone needs a zone: an IANA name such as Europe/Berlin, America/New_York or Asia/Kolkata")]
    [InlineData("settings timezone Mars/Olympus", "a change to the workspace's time zone", "\"Mars/Olympus\" is not a time zone I know: use an IANA name such as Europe/Berlin, America/New_York or Asia/Kolkata")]
    [InlineData("settings time zone New York", "a change to the workspace's time zone", "\"New York\" is not a time zone I know: use an IANA name such as Europe/Berlin, America/New_York or Asia/Kolkata")]
    [InlineData("settings week-start", "a change to the day the workspace's weeks start", "settings week-start needs a day: monday, sunday or any other day of the week")]
    [InlineData("settings week-start funday", "a change to the day the workspace's weeks start", "\"funday\" is not a day of the week: use monday, sunday or any other, in full or as mon, sun")]
    [InlineData("settings week start sunday please", "a change to the day the workspace's weeks start", "\"sunday please\" is not a day of the week: use monday, sunday or any other, in full or as mon, sun")]
    [InlineData("delete", "a request to delete a signal", "delete needs the id of a signal, as its capture confirmation shows it")]
    [InlineData("settings auto-tag maybe", "a change to auto-tagging", "\"maybe\" is not on or off")]
    [InlineData("settings redact", "a change to masking personal data", "settings redact needs on or off")]
    [InlineData("forget customer Acme", "a request to erase every signal of a customer", "name the customer as customer:<name>")]
    [InlineData("forget customer:Acme Corp", "a request to erase every signal of a customer", "\"Corp\" is one word too many: put a name with spaces in quotes, as in customer:\"Acme Corp\"")]
    [InlineData("settings redact everything", "a change to masking personal data", "\"everything\" is not on or off")]
    [InlineData("themes new fortnight", "a request for new themes", "\"fortnight\" is not a period I know")]
    [InlineData("delete 12ab", "a request to delete a signal", "\"12ab\" is not a signal id: use the id its capture confirmation shows (at least 6 letters and digits, 0-9 and a-f)")]
    [InlineData("edit 0193zz99", "a request to edit a signal", "\"0193zz99\" is not a signal id: use the id its capture confirmation shows (at least 6 letters and digits, 0-9 and a-f)")]
    [InlineData("customer merge Acme", "a request to merge two customers", "customer merge needs two names, the one to fold in and the one to keep; put a name with spaces in quotes or write \"into\" between them")]
    [InlineData("customer merge Acme Corp Acme", "a request to merge two customers", "customer merge needs two names, the one to fold in and the one to keep; put a name with spaces in quotes or write \"into\" between them")]
    [InlineData("customer merge ACME into acme", "a request to merge two customers", "\"ACME\" and \"acme\" are already one customer: names differing only in capitals count as one")]
    [InlineData("top 0 issues", "a request for top pain points", "I can rank the top 1 to 25, not 0")]
    [InlineData("what are the top 100 issues?", "a question about top pain points", "I can rank the top 1 to 25, not 100")]
    [InlineData("top SSO issues", "a request for top pain points", "\"SSO\" is not a period I know")]
    [InlineData("what are the top pain points since 2026-13-01?", "a question about top pain points", "2026-13-01 is not a real date.")]
    [InlineData("what is rising for admins since 31 june?", "a question about rising and falling themes", "31 june is not a real date.")]
    public void SaysWhatItUnderstoodAndWhatNot_WhenACommandIsMalformed(string text, string understood, string problem)
    {
        var command = CommandParser.Parse(text, Today, DayOfWeek.Monday);

        var notUnderstood = Assert.IsType<NotUnderstoodCommand>(command);
        Assert.Equal(text, notUnderstood.Text);
        Assert.Equal(understood, notUnderstood.Understood);
        Assert.Equal(problem, notUnderstood.Problem);
        Assert.IsNotType<NotUnderstoodCommand>(CommandParser.Parse(notUnderstood.Example, Today, DayOfWeek.Monday));
    }

    [Fact]
    public void AnswersAsAQuestion_WhenAKeywordIsFollowedByAQuestionItsLanguageDoesNotKnow()
    {
        var command = CommandParser.Parse("top issues for SSO this month?", Today, DayOfWeek.Monday);

        var top = Assert.IsType<TopCommand>(command);
        Assert.Equal(new TopCommand(new Period(PeriodKind.ThisMonth), new QueryFilters(Topic: "SSO")), top with { Asked = null });
        Assert.Equal("top pain points · this month · about “SSO”", top.Asked?.Reading);
    }

    [Theory]
    [InlineData("settings timezone Mars/Olympus", "settings timezone Europe/Berlin")]
    [InlineData("settings week-start funday", "settings week-start sunday")]
    public void OffersTheExampleOfTheSettingItRecognised_WhenASettingIsMalformed(string text, string example)
    {
        var command = CommandParser.Parse(text, Today, DayOfWeek.Monday);

        Assert.Equal(example, Assert.IsType<NotUnderstoodCommand>(command).Example);
    }

    [Fact]
    public void StartsAWeeklyDigestOnTheWorkspacesFirstDay_WhenItNamesNoDay()
    {
        var sunday = CommandParser.Parse("digest weekly 09:00", Today, DayOfWeek.Sunday);
        var named = CommandParser.Parse("digest weekly fri 09:00", Today, DayOfWeek.Sunday);

        Assert.Equal(Schedule(DigestCadence.Weekly, DayOfWeek.Sunday, 9, 0), sunday);
        Assert.Equal(Schedule(DigestCadence.Weekly, DayOfWeek.Friday, 9, 0), named);
    }

    [Fact]
    public void OffersTheExampleOfTheCommandItRecognised_WhenACommandIsMalformed()
    {
        var command = CommandParser.Parse("top fortnight", Today, DayOfWeek.Monday);

        Assert.Equal("top last week segment:enterprise", Assert.IsType<NotUnderstoodCommand>(command).Example);
    }

    [Fact]
    public void KeepsTheSlashCommandInTheTextItHandsBack_WhenACommandIsMalformed()
    {
        var command = CommandParser.Parse("/pulse top fortnight", Today, DayOfWeek.Monday);

        Assert.Equal("/pulse top fortnight", Assert.IsType<NotUnderstoodCommand>(command).Text);
    }

    [Theory]
    [InlineData("Admins add users one by one and it takes all afternoon")]
    [InlineData("admins can't find the export button customer:Acme")]
    [InlineData("admins remove people by hand every Monday")]
    [InlineData("Admins add ana@example.com by hand")]
    public void KeepsWordsAsAQuote_WhenAdminsIsFollowedByNoMention(string text)
    {
        var command = CommandParser.Parse(text, Today, DayOfWeek.Monday);

        Assert.IsType<CaptureCommand>(command);
    }

    [Theory]
    [InlineData("settings", false)]
    [InlineData("settings timezone Europe/Berlin", true)]
    [InlineData("settings week-start sunday", true)]
    [InlineData("settings auto-tag off", true)]
    public void SaysWhetherSettingsChangeAnything_SoOnlyAChangeNeedsAnAdmin(string text, bool changes)
    {
        var command = CommandParser.Parse(text, Today, DayOfWeek.Monday);

        Assert.Equal(changes, Assert.IsType<SettingsCommand>(command).HasChange);
    }
}
