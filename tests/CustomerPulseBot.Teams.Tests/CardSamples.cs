using CustomerPulseBot.Core.ApiKeys;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Customers;
using CustomerPulseBot.Core.Meaning;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Teams.Tests;

// Every view type in typical, edge, hostile and huge variants, by name: the renderer tests and the
// interop check against the adaptivecards library run over the same table.
internal static class CardSamples
{
    // Markdown, a Teams mention and a link: must show as typed, wherever a view's text lands.
    public const string Markup = "- **bold** [click](https://evil.example) <at>Everyone</at> _x_ # 1. one";

    private static readonly WorkspaceId Workspace = WorkspaceId.New();
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);
    private static readonly ChatUser Priya = new("U1", "Priya");
    // Declared before the tables that use it: static fields start in order.
    private static readonly DateRange Week = new(Now.AddDays(-7), Now);

    public static readonly IReadOnlyDictionary<string, View> Typical = new Dictionary<string, View>
    {
        ["confirmed"] = new CaptureConfirmedView(
            Signal("Exporting the Q3 report timed out twice.", themes: ["export-timeouts", "reporting"]), ["export-timeouts"]),
        ["rejected"] = new CaptureRejectedView(
            [new(CaptureField.Segment, "\"galaxy\" is not a segment I know."), new(CaptureField.EvidenceUrl, "\"ftp://x\" is not a web link.")],
            "Exports time out segment:galaxy ftp://x"),
        ["form: empty"] = CaptureFormView.Empty([]),
        ["form: prefilled with errors"] = new CaptureFormView(
            new CaptureDraft("Exports time out", "Acme", "galaxy", "call", "request", "onboard", ["export-timeouts", "reporting"], "3", "ftp://x", "2026-11-03"),
            ["export-timeouts", "slow-dashboard"],
            [new(CaptureField.Segment, "\"galaxy\" is not a segment I know."), new(CaptureField.EvidenceUrl, "\"ftp://x\" is not a web link.")],
            "https://teams.example/l/message/19:abc/1700000000000"),
        ["pain points"] = new PainPointsView(
            "this week",
            QueryFilters.None,
            [
                Ranked(1, "export-timeouts", TrendDirection.Rising, 3),
                Ranked(2, "slow-dashboard", TrendDirection.New, 1),
                Ranked(3, "confusing-pricing", TrendDirection.Falling, 2),
                Ranked(4, "sso-setup", TrendDirection.Steady, 0),
            ],
            0,
            new UntaggedSignals(4, 3, [Signal("Setup took a week."), Signal("Nobody answered the chat.")]),
            17),
        ["trends"] = new TrendsView(
            "the last 30 days",
            new QueryFilters(Segment: "enterprise"),
            [new("slow-dashboard", 4, 0, 3, 0)],
            [new("export-timeouts", 9, 4, 6, 3), new("sso-setup", 3, 1, 2, 1)],
            [new("confusing-pricing", 1, 5, 1, 4)]),
        ["search"] = new SearchResultsView("export", "this month", [Signal("Exporting timed out."), Signal("Export is fine now.", kind: SignalKind.Praise)], 2),
        ["themes"] = new ThemeListView(
            [
                new(Theme("export-timeouts", ThemeStatus.Open, aliases: ["export-slow"]), 9),
                new(Theme("sso-setup", ThemeStatus.Shipped, note: "SAML wizard"), 1),
                new(Theme("dark-mode", ThemeStatus.WontFix), 0),
            ],
            "the last 30 days"),
        ["help"] = new HelpView(CommandHelp.Entries),
        ["notice"] = new NoticeView("Themes merged", "#slow-dash is now part of #slow-dashboard."),
        ["digest status"] = new DigestStatusView(
            "Every day at 09:00 Europe/Berlin",
            "The next one comes Tue 12 Jan at 09:00; the last one covered up to Sun 10 Jan at 09:00.",
            "The one up to Mon 11 Jan at 09:00 has not arrived: the app's token stopped working: reinstall the app."),
        ["not understood"] = new NotUnderstoodView("a question about top pain points", "\"fortnight\" is not a period I know", "top last 30 days", "top this fortnight"),
        ["error"] = new ErrorView("Sorry, something went wrong on our side.", "top this week", "0HN7:00000001"),
        ["digest"] = Digest(
            QueryFilters.None,
            [Signal("Exporting the Q3 report timed out twice.", themes: ["export-timeouts"]), Signal("The new bulk edit is great.", "Globex", kind: SignalKind.Praise)],
            12,
            [new("audit-log", 4, 0, 3, 0)],
            [new("export-timeouts", 14, 6, 5, 3)],
            [new("slow-dashboard", 3, 9, 2, 6)],
            [new("checkout-errors", new DateOnly(2026, 11, 3), 14, 14, 3), new("sso-setup", new DateOnly(2026, 11, 20), 3, 1, 2)]),
        ["digest: quiet"] = Digest(QueryFilters.None, [], 0, [], [], [new("slow-dashboard", 3, 9, 2, 6)], []),
        ["brief"] = new BriefView(
            new PainPointsView("the past 7 days", QueryFilters.None, [Ranked(1, "export-timeouts", TrendDirection.Rising, 2)], 0, UntaggedSignals.None, 7),
            new TrendsView("the past 7 days", QueryFilters.None, [], [new("export-timeouts", 7, 2, 3, 2)], [])),
        ["brief: quiet"] = new BriefView(
            new PainPointsView("the past 7 days", QueryFilters.None, [], 0, UntaggedSignals.None, 0), new TrendsView("the past 7 days", QueryFilters.None, [], [], [])),
        ["ship notice"] = new ShippedNoticeView(
            "export-timeouts", new DateOnly(2026, 11, 3), "streaming exports in 4.2", [Signal("Export times out."), Signal("Exports fail on Mondays.", "Globex")], 2),
        ["pain points: dated"] = Dated(),
        ["question"] = new QuestionView(
            Dated(),
            new Asked("whats hurting customers the most this wk??", "top pain points, this week", ["hurting"], ["“this wk” read as this week"])),
        ["trends: dated, with quotes"] = new TrendsView(
            "this week",
            QueryFilters.None,
            [new("audit-log", 4, 0, 3, 0, Signal("Our auditors need to see who changed a rule.", themes: ["audit-log"]))],
            [new("export-timeouts", 9, 4, 6, 3, Signal("Exporting timed out twice.", "Globex", themes: ["export-timeouts"]))],
            [new("slow-dashboard", 1, 5, 1, 4)],
            ThisWeek,
            VsWeekBefore),
        ["search: a theme's quotes"] = new SearchResultsView(
            "", "this week", [Signal("Exporting timed out.", themes: ["export-timeouts", "reporting"])], 1, ThisWeek, new QueryFilters(Theme: "export-timeouts")),
        ["count"] = new CountView(
            "this month", "Sun 1 Nov – Mon 30 Nov", new QueryFilters(Topic: "SSO"), "SSO", 7, 4,
            [new ThemeStats("sso-setup", 5, 3, 1, 4, 2.5, 3), new ThemeStats(null, 2, 1, 1, 2, 2, 2)],
            [new CustomerStats("Acme", 3, Signal("SSO again.")), new CustomerStats("Globex", 2, Signal("SSO is slow.", "Globex"))]),
        ["customers"] = new CustomersView(
            "the last 30 days", "Sat 7 Nov – Sun 6 Dec", new QueryFilters(Theme: "slow-dashboard"), null,
            new CustomerList([new CustomerStats("Acme", 4, Signal("The dashboard takes ages.")), new CustomerStats("Globex", 1, Signal("Charts crawl.", "Globex"))], 2)),
        ["shipped"] = new ShippedView("export-timeouts", [new ShippedThemeRate("export-timeouts", new DateOnly(2026, 11, 3), 14, 9, 2)]),
        ["journey"] = new JourneyView(
            "this quarter", "Thu 1 Oct – Thu 31 Dec", QueryFilters.None,
            [
                new StageFriction(JourneyStage.Onboard, 9, 5, 3.1, Signal("Setup took a week.")),
                new StageFriction(JourneyStage.Renew, 4, 3, 2.5, Signal("Renewal pricing surprised the CFO.", "Globex")),
                new StageFriction(null, 2, 1, 2, null),
            ]),
        ["deleted"] = new SignalDeletedView(Signal("Exporting the Q3 report timed out twice.")),
        ["settings"] = new SettingsView("Europe/Berlin", DayOfWeek.Monday),
        ["confirmed: left out"] = new CaptureConfirmedView(
            Signal("Exports time out."), [], [new(CaptureField.Segment, "\"enterprize\" is not a segment I know. Saved without it; use Edit to add it.")]),
        ["confirmed: edited"] = new CaptureConfirmedView(Signal("Exports time out, edited."), [], Edited: true),
        ["form: editing"] = new CaptureFormView(
            new CaptureDraft("Exports time out", "Acme", "buyer"), ["export-timeouts"], [], Editing: Guid.CreateVersion7(Now)),
        ["admins: someone added"] = new AdminsView(Roster(), TimeZoneInfo.Utc, new AdminChange(Priya, AdminChangeKind.Added)),
        ["admin only"] = new AdminOnlyView("merge themes", Roster(), "theme merge slow-dash slow-dashboard"),
        ["api key created"] = new ApiKeyCreatedView(Key("CRM sync", ApiKeyScope.Write), Secret),
        ["api keys"] = new ApiKeysView([Key("CRM sync", ApiKeyScope.Write), Key("read-k3Yz", ApiKeyScope.Read)], TimeZoneInfo.Utc),
        ["export link"] = new ExportLinkView(new Uri("https://pulse.example.com/exports/CfDJ8abc"), "this month", "Sun 1 Nov – Mon 30 Nov", "billing", 42, TimeSpan.FromMinutes(15)),
        ["customer profile"] = new CustomerProfileView(
            new CustomerProfile("Acme Corp", ["Acme", "ACME Inc."], "enterprise", "Enterprise", 120_000m, "Ana Lima"), 7,
            [new ThemeStats("export-timeouts", 4, 1, 0, 3, 3, 4), new ThemeStats(null, 1, 1, 0, 1, 2, 2)],
            [Signal("Exporting the Q3 report timed out twice.", themes: ["export-timeouts"])]),
        ["pain points by revenue"] = new PainPointsView("this month", QueryFilters.None,
            [Ranked(1, "sso-setup", TrendDirection.Rising, 1) with { Revenue = 1_200_000m, RevenueCustomers = 2 }, Ranked(2, "export-timeouts", TrendDirection.New, 1)],
            0, UntaggedSignals.None, 9, ByRevenue: true),
    };

    public const string ThisWeek = "Mon 30 Nov – Sun 6 Dec";
    public const string VsWeekBefore = "vs the same days of the week before";

    public static readonly IReadOnlyDictionary<string, View> Edge = new Dictionary<string, View>
    {
        ["confirmed: only a quote"] = new CaptureConfirmedView(Signal("Slow.", customer: null, segment: null, source: null, evidence: null, permalink: null), []),
        ["confirmed: 4,000-character quote in Japanese"] = new CaptureConfirmedView(Signal(new string('遅', SignalVocabulary.MaxQuoteLength)), []),
        ["rejected: no original text"] = new CaptureRejectedView([new(CaptureField.Quote, "The quote is empty.")], ""),
        ["form: from a shared message"] = new CaptureFormView(new CaptureDraft("Can we get SSO?"), [], [], "https://teams.example/l/message/1"),
        ["pain points: empty period"] = new PainPointsView("last week", QueryFilters.None, [], 0, UntaggedSignals.None, 0),
        ["pain points: untagged only"] = new PainPointsView(
            "today", QueryFilters.None, [], 0, new UntaggedSignals(4, 2, [Signal("Billing page crashed.")]), 4),
        ["pain points: filters and more themes"] = new PainPointsView(
            "since 3 Nov 2026",
            new QueryFilters("buyer", "export-timeouts", "Acme"),
            [Ranked(1, "export-timeouts", TrendDirection.Rising, 1)],
            7,
            UntaggedSignals.None,
            12),
        ["trends: empty"] = new TrendsView("this week", QueryFilters.None, [], [], []),
        ["search: nothing found"] = new SearchResultsView("kubernetes", null, [], 0),
        ["themes: none"] = new ThemeListView([], "the last 30 days"),
        ["notice: no text"] = new NoticeView("Digest is off", ""),
        ["digest status: no failure"] = new DigestStatusView("Every weekday at 08:30 UTC", "The next one comes Mon 11 Jan at 08:30; none has been delivered yet.", null),
        ["not understood: nothing understood"] = new NotUnderstoodView("", "I could not read \"asdf\"", "", "asdf"),
        ["error: no original text"] = new ErrorView("Sorry, something went wrong on our side.", "", "0HN7:00000002"),
        ["digest: filters, nothing left out"] = Digest(
            new QueryFilters("enterprise", "export-timeouts", "Acme Corp"), [Signal("Exports time out.", themes: ["export-timeouts"])], 0, [], [new("export-timeouts", 2, 1, 1, 1)], [], []),
        ["digest: trends only"] = Digest(QueryFilters.None, [], 0, [new("audit-log", 1, 0, 1, 0)], [], [], []),
        ["ship notice: no note, no customer"] = new ShippedNoticeView("sso-setup", new DateOnly(2026, 1, 9), null, [Signal("SSO is painful.", customer: null)], 0),
        ["question: too long to save, fully understood"] = new QuestionView(
            new SearchResultsView("export", null, [], 0, ThisWeek), new Asked(Long(5_000), "search “export”, the last 90 days", [], [])),
        ["search: every filter in words"] = new SearchResultsView(
            "export", "the last 90 days", [], 0, "Mon 7 Sep – Sun 6 Dec",
            new QueryFilters("buyer", null, "Acme", ["internal"], "call", [SignalKind.Pain, SignalKind.Request], Severity.High, JourneyStage.Onboard, "exports")),
        ["count: nothing"] = new CountView("today", "Sun 6 Dec", QueryFilters.None, null, 0, 0, [], []),
        ["customers: none"] = new CustomersView("this week", ThisWeek, QueryFilters.None, "kubernetes", new CustomerList([], 0)),
        ["shipped: none"] = new ShippedView(null, []),
        ["journey: none"] = new JourneyView("this week", ThisWeek, QueryFilters.None, []),
        ["deleted: a 4,000-character quote"] = new SignalDeletedView(Signal(Long(SignalVocabulary.MaxQuoteLength))),
        ["settings: time zone changed, the asker's own differs"] = new SettingsView("America/New_York", DayOfWeek.Sunday, WorkspaceSetting.TimeZone, "Asia/Tokyo"),
        ["settings: week start changed"] = new SettingsView("UTC", DayOfWeek.Saturday, WorkspaceSetting.WeekStart),
        ["confirmed: a 4,000-character near-duplicate"] = new CaptureConfirmedView(Signal(Long(SignalVocabulary.MaxQuoteLength)), [],
            Meaning: new CaptureMeaning(null, null, Row(Long(SignalVocabulary.MaxQuoteLength), Long(200)))),
        ["settings: auto-tag off"] = new SettingsView("UTC", DayOfWeek.Monday, WorkspaceSetting.AutoTag, AutoTag: false),
        ["confirm forget"] = new ConfirmForgetView("Acme Corp", 3, "0193f2a10000700080000000000000aa U1 Acme Corp"),
        ["settings: redact off"] = new SettingsView("UTC", DayOfWeek.Monday, WorkspaceSetting.Redact, Redact: false),
        ["confirmed: masked"] = new CaptureConfirmedView(Signal("Refund [email], card [card] was charged twice."), [],
            Masked: new PersonalDataFound(Emails: 1, Cards: 1)),
        ["confirmed: a theme suggested"] = new CaptureConfirmedView(Signal("Exports stall after a minute."), [],
            Meaning: new CaptureMeaning(new ThemeGuess("export-timeouts", 0.71f, false), null, null)),
        ["confirmed: tagged by itself"] = new CaptureConfirmedView(
            Signal("Exports stall after a minute.", themes: ["export-timeouts"]) with { SuggestedThemes = ["export-timeouts"] }, [],
            Meaning: new CaptureMeaning(new ThemeGuess("export-timeouts", 0.93f, true), "export-timeouts", null)),
        ["confirmed: a near-duplicate"] = new CaptureConfirmedView(Signal("Exports time out again."), [],
            Meaning: new CaptureMeaning(null, null, Row("Exports time out.", "Acme"))),
        ["new themes"] = NewThemes(),
        ["new themes: none"] = new NewThemesView("this week", null, [], Week),
        ["brief: with new themes"] = new BriefView(
            new PainPointsView("the past 7 days", QueryFilters.None, [Ranked(1, "export-timeouts", TrendDirection.Rising, 1)], 0, UntaggedSignals.None, 6),
            new TrendsView("the past 7 days", QueryFilters.None, [], [], []))
        {
            NewThemes = NewThemes() with { PeriodLabel = "the past 7 days" },
        },
        ["search: a suggested tag"] = new SearchResultsView(
            "export", null, [Signal("Exports stall.", themes: ["export-timeouts"]) with { SuggestedThemes = ["export-timeouts"] }], 1),
        ["admins: nobody added, no installer"] = new AdminsView(new AdminRoster("Teams team owners (in the team's channels)", null, []), TimeZoneInfo.Utc),
        ["api keys: none"] = new ApiKeysView([], TimeZoneInfo.Utc),
        ["customer profile: only a name"] = new CustomerProfileView(new CustomerProfile("Initech", []), 0, [], []),
        ["admin only: the platform did not answer"] = new AdminOnlyView("change the workspace's settings", Roster(), "settings timezone UTC", Unchecked: true),
    };

    // Every text a person could have typed is Markup.
    public static readonly IReadOnlyDictionary<string, View> WithMarkup = new Dictionary<string, View>
    {
        ["markup: confirmed"] = new CaptureConfirmedView(Signal(Markup, customer: Markup, by: new ChatUser("U2", Markup)), []),
        ["markup: confirm forget"] = new ConfirmForgetView(Markup, 1, "0193f2a10000700080000000000000aa U1 x"),
        ["markup: rejected"] = new CaptureRejectedView([new(CaptureField.Customer, Markup)], Markup),
        ["markup: form"] = new CaptureFormView(
            new CaptureDraft(Markup, Markup, Markup, Markup, Markup, Markup, [Markup], Markup, Markup, Markup),
            [],
            [new(CaptureField.Quote, Markup), new("unknown-field", Markup)]),
        ["markup: pain points"] = new PainPointsView(
            "this week",
            new QueryFilters(Customer: Markup),
            [Ranked(1, "export-timeouts", TrendDirection.Rising, 1) with { Quotes = [Signal(Markup, customer: Markup)] }],
            0,
            new UntaggedSignals(1, 1, [Signal(Markup)]),
            2),
        ["markup: trends"] = new TrendsView("this week", new QueryFilters(Customer: Markup), [], [], []),
        ["markup: search"] = new SearchResultsView(Markup, null, [Signal(Markup, by: new ChatUser("U3", Markup))], 1),
        ["markup: themes"] = new ThemeListView([new(Theme("sso-setup", ThemeStatus.Shipped, note: Markup), 1)], "this week"),
        ["markup: help"] = new HelpView([new(Markup, Markup, Markup)]),
        ["markup: notice"] = new NoticeView(Markup, Markup),
        ["markup: digest status"] = new DigestStatusView(Markup, Markup, Markup),
        ["markup: not understood"] = new NotUnderstoodView(Markup, Markup, Markup, Markup),
        ["markup: error"] = new ErrorView(Markup, Markup, Markup),
        ["markup: digest"] = Digest(
            new QueryFilters(Customer: Markup), [Signal(Markup, customer: Markup, by: new ChatUser("U2", Markup))], 3, [], [new("export-timeouts", 2, 1, 1, 1)], [], []),
        ["markup: quiet digest"] = Digest(new QueryFilters(Customer: Markup), [], 0, [], [], [], []),
        ["markup: brief"] = new BriefView(
            new PainPointsView("the past 7 days", new QueryFilters(Customer: Markup), [], 0, new UntaggedSignals(1, 1, [Signal(Markup, customer: Markup)]), 1),
            new TrendsView("the past 7 days", new QueryFilters(Customer: Markup), [], [], [])),
        ["markup: ship notice"] = new ShippedNoticeView("sso-setup", new DateOnly(2026, 1, 9), Markup, [Signal(Markup, customer: Markup)], 0),
        ["markup: question"] = new QuestionView(
            new SearchResultsView(Markup, null, [Signal(Markup)], 1), new Asked(Markup, Markup, [Markup], [Markup])),
        ["markup: count"] = new CountView("this week", ThisWeek, new QueryFilters(Customer: Markup, Topic: Markup), Markup, 1, 1, [], [new CustomerStats(Markup, 1, Signal(Markup))]),
        ["markup: customers"] = new CustomersView("this week", ThisWeek, QueryFilters.None, Markup, new CustomerList([new CustomerStats(Markup, 1, Signal(Markup, Markup))], 1)),
        ["markup: journey"] = new JourneyView("this week", ThisWeek, new QueryFilters(Customer: Markup), [new StageFriction(JourneyStage.Use, 1, 1, 3, Signal(Markup, Markup))]),
        ["markup: deleted"] = new SignalDeletedView(Signal(Markup)),
        ["markup: confirmed, left out"] = new CaptureConfirmedView(Signal(Markup), [], [new(CaptureField.Segment, Markup)]),
        ["markup: confirmed, a near-duplicate"] = new CaptureConfirmedView(Signal(Markup), [], Meaning: new CaptureMeaning(null, null, Row(Markup, Markup))),
        ["markup: new themes"] = new NewThemesView("this week", null, [Candidate("sso-login-loops", 3, 2, Row(Markup, Markup), Row(Markup, null))], Week),
        ["markup: trends with quotes"] = new TrendsView("this week", QueryFilters.None, [new("audit-log", 1, 0, 1, 0, Signal(Markup, Markup))], [], [], ThisWeek, VsWeekBefore),
        ["markup: admins"] = new AdminsView(Roster(Markup), TimeZoneInfo.Utc, new AdminChange(new ChatUser("aad-2", Markup), AdminChangeKind.Removed)),
        ["markup: admin only"] = new AdminOnlyView("merge themes", Roster(Markup), Markup),
        ["markup: api key created"] = new ApiKeyCreatedView(Key(Markup, ApiKeyScope.Read) with { CreatedBy = Markup }, Secret),
        ["markup: api keys"] = new ApiKeysView([Key(Markup, ApiKeyScope.Read) with { CreatedBy = Markup }], TimeZoneInfo.Utc),
        ["markup: customer profile"] = new CustomerProfileView(new CustomerProfile(Markup, [Markup], Plan: Markup, Owner: Markup), 1, [], [Signal(Markup, Markup)]),
    };

    // Far more than a card can hold: each must be cut down to fit, saying what was left out.
    public static readonly IReadOnlyDictionary<string, View> Huge = new Dictionary<string, View>
    {
        ["huge: confirmed, 2,000 emoji"] = new CaptureConfirmedView(
            Signal(string.Concat(Enumerable.Repeat("😀", SignalVocabulary.MaxQuoteLength / 2)), customer: Long(200)), []),
        ["huge: rejected"] = new CaptureRejectedView([new(CaptureField.Quote, "The quote is 100,000 characters long.")], Long(100_000)),
        ["huge: form"] = new CaptureFormView(
            new CaptureDraft(Long(100_000), Long(5_000), Themes: [.. Enumerable.Range(0, 2_000).Select(i => $"theme-{i}")], EvidenceUrl: Long(5_000)),
            [.. Enumerable.Range(0, 500).Select(i => $"known-theme-{i}")],
            [new(CaptureField.Quote, "The quote is 100,000 characters long.")]),
        ["huge: pain points"] = HugeRanking(),
        ["huge: pain points, untagged only"] = new PainPointsView(
            "this month", QueryFilters.None, [], 0, new UntaggedSignals(5_000, 900, LongQuotes(1_000)), 5_000),
        ["huge: trends"] = HugeTrends(),
        ["huge: search"] = new SearchResultsView("export", null, LongQuotes(1_000), 25_000),
        ["huge: themes"] = new ThemeListView(
            [.. Enumerable.Range(0, 5_000).Select(i => new ThemeSummary(Theme($"theme-{i}", ThemeStatus.Shipped, note: Long(500)), i))],
            "the last 30 days"),
        ["huge: help"] = new HelpView([.. Enumerable.Range(0, 2_000).Select(i => new HelpEntry($"usage {i}", Long(100), $"example {i}"))]),
        ["huge: notice"] = new NoticeView(Long(50_000), Long(100_000)),
        ["huge: not understood"] = new NotUnderstoodView(Long(100_000), Long(100_000), Long(100_000), Long(100_000)),
        ["huge: error"] = new ErrorView(Long(100_000), Long(100_000), Long(1_000)),
        ["huge: digest"] = Digest(
            QueryFilters.None,
            LongQuotes(1_000),
            5_000,
            [.. Trends(2_000)],
            [.. Trends(2_000)],
            [.. Trends(2_000)],
            [.. Enumerable.Range(0, 2_000).Select(i => new ShippedThemeRate($"theme-with-a-long-name-{i}", new DateOnly(2026, 11, 3), 14, i, 1))]),
        ["huge: brief"] = new BriefView(HugeRanking(), HugeTrends()),
        ["huge: ship notice"] = new ShippedNoticeView("export-timeouts", new DateOnly(2026, 11, 3), Long(100_000), LongQuotes(1_000), 4_000),
        ["huge: question"] = new QuestionView(HugeRanking() with { Dates = ThisWeek, Comparison = VsWeekBefore, Scope = "between 30 Nov 2026 and 6 Dec 2026" },
            new Asked(Long(3_000), Long(1_000), [Long(500)], [Long(500)])),
        ["huge: count"] = new CountView("this month", ThisWeek, QueryFilters.None, Long(1_000), 90_000, 5_000,
            [.. Enumerable.Range(0, 3_000).Select(i => new ThemeStats($"theme-with-a-long-name-{i}", i, i, 0, 1, 2, 3))],
            [.. Enumerable.Range(0, 3_000).Select(i => new CustomerStats(Long(200), i, Signal("x")))]),
        ["huge: customers"] = new CustomersView("this month", ThisWeek, QueryFilters.None, null,
            new CustomerList([.. LongQuotes(500).Select(q => new CustomerStats(Long(200), 3, q))], 9_000)),
        ["huge: shipped"] = new ShippedView(null,
            [.. Enumerable.Range(0, 2_000).Select(i => new ShippedThemeRate($"theme-with-a-long-name-{i}", new DateOnly(2026, 11, 3), 14, i, 1))]),
        ["huge: journey"] = new JourneyView("this month", ThisWeek, QueryFilters.None,
            [.. LongQuotes(300).Select(q => new StageFriction(JourneyStage.Use, 9, 3, 2, q))]),
        ["huge: new themes"] = new NewThemesView("this month", null,
            [.. Enumerable.Range(0, 300).Select(i => Candidate($"theme-{i}", 500, 200, Row(Long(SignalVocabulary.MaxQuoteLength), Long(200)), Row(Long(SignalVocabulary.MaxQuoteLength), null)))],
            Week),
        ["huge: admins"] = new AdminsView(HugeRoster(), TimeZoneInfo.Utc, new AdminChange(new ChatUser("aad-0", Long(500)), AdminChangeKind.AlreadyAdded)),
        ["huge: admin only"] = new AdminOnlyView("merge themes", HugeRoster(), Long(100_000)),
        ["huge: api keys"] = new ApiKeysView([.. Enumerable.Range(0, 3_000).Select(i => Key(Long(60), ApiKeyScope.Write) with { CreatedBy = Long(300) })], TimeZoneInfo.Utc),
        ["huge: customer profile"] = new CustomerProfileView(
            new CustomerProfile(Long(200), [.. Enumerable.Range(0, 500).Select(i => Long(200))], Plan: Long(1_000), Owner: Long(1_000)), 90_000,
            [.. Enumerable.Range(0, 5).Select(i => new ThemeStats($"theme-with-a-long-name-{i}", i, i, 0, 1, 2, 3))], LongQuotes(1_000)),
    };

    public static readonly IReadOnlyDictionary<string, View> All =
        new[] { Typical, Edge, WithMarkup, Huge }.SelectMany(d => d).ToDictionary();

    public static TheoryData<string> AllNames => [.. All.Keys];

    public static MeaningRow Row(string quote, string? customer) =>
        new(Guid.CreateVersion7(Now), quote, [1f, 0f], [], [], customer, customer?.ToLowerInvariant(), Now.AddDays(-3), Now.AddDays(-3), null);

    public static CandidateTheme Candidate(string name, int size, int customers, params MeaningRow[] examples) =>
        new(name, [.. examples.Select(e => e.SignalId), .. Enumerable.Range(0, size - examples.Length).Select(_ => Guid.CreateVersion7(Now))], customers, examples);

    public static NewThemesView NewThemes() => new("this week", "Mon 23 Nov – Sun 29 Nov",
        [
            Candidate("sso-login-loops", 7, 4, Row("SSO sends me back to the login page.", "Acme"), Row("Login keeps looping with Okta.", "Globex")),
            Candidate("invoice-pdf-missing", 80, 12, Row("The invoice PDF never arrives.", "Initech"), Row("Where is my invoice?", null)),
        ],
        Week);

    /// <summary>Who may run admin commands: an installer and one person added, all named <paramref name="name"/> when given.</summary>
    public static AdminRoster Roster(string? name = null) => new(
        "Teams team owners (in the team's channels)",
        new ChatUser("aad-1", name ?? "Ana Lima"),
        [new WorkspaceAdmin(new ChatUser("aad-2", name ?? "Ben Ortiz"), new ChatUser("aad-1", name ?? "Ana Lima"), Now)]);

    private static AdminRoster HugeRoster() => new(
        "Teams team owners (in the team's channels)",
        new ChatUser("aad-1", Long(500)),
        [.. Enumerable.Range(0, 2_000).Select(i => new WorkspaceAdmin(new ChatUser($"aad-{i}", Long(300)), new ChatUser("aad-1", Long(300)), Now))]);

    public const string Secret = "pk_Zx8Qm2v9LrT4cW7yH1nB6dK3sF0gJ5aE8uP2iO9wXyZ";

    public static ApiKey Key(string name, ApiKeyScope scope) => new(Guid.CreateVersion7(Now), Workspace, name, scope, "wXyZ", Now.AddDays(-3), "Ana Lima");

    public static TheoryData<string> FormNames => [.. All.Where(p => p.Value is CaptureFormView).Select(p => p.Key)];

    public static TheoryData<string> MarkupNames => [.. WithMarkup.Keys];

    public static TheoryData<string> HugeNames => [.. Huge.Keys];

    public static Signal Signal(
        string quote,
        string? customer = "Acme",
        string? segment = "buyer",
        string? source = "call",
        SignalKind kind = SignalKind.Pain,
        IReadOnlyList<string>? themes = null,
        string? evidence = "https://recordings.example/4881",
        string? permalink = "https://teams.example/l/message/19:abc/1",
        ChatUser? by = null) =>
        new(
            Guid.CreateVersion7(Now),
            Workspace,
            quote,
            customer,
            segment,
            source,
            kind,
            JourneyStage.Use,
            themes ?? [],
            Severity.High,
            evidence,
            by ?? Priya,
            "19:abc@thread.tacv2",
            Now.AddDays(-2),
            Now,
            permalink);

    public static DigestView Digest(
        QueryFilters filters, IReadOnlyList<Signal> fresh, int more, IReadOnlyList<ThemeTrend> added, IReadOnlyList<ThemeTrend> rising,
        IReadOnlyList<ThemeTrend> falling, IReadOnlyList<ShippedThemeRate> shipped) =>
        new("since Sun 22 Nov, 09:00 Europe/Berlin", new DateOnly(2026, 11, 22), filters, fresh, more, added, rising, falling, shipped);

    public static RankedTheme Ranked(int rank, string theme, TrendDirection trend, int quotes) =>
        new(rank, theme, ThemeStatus.Open, 5 + quotes, 3, 2, Severity.High, 2, trend,
            [.. Enumerable.Range(1, quotes).Select(i => Signal($"Quote {i} about {theme}.", themes: [theme]))]);

    public static Theme Theme(string name, ThemeStatus status, IReadOnlyList<string>? aliases = null, string? note = null) =>
        new(Guid.CreateVersion7(Now), Workspace, name, aliases ?? [], status,
            status == ThemeStatus.Open ? null : Now.AddDays(-10), note, Now.AddDays(-60));

    // Words, not one repeated letter, so a cut lands between and inside words as in real text.
    public static string Long(int length) =>
        string.Concat(Enumerable.Repeat("Exports time out on Mondays and nobody knows why. ", length / 50 + 1))[..length];

    // A ranking as Core writes it for "top this week": dates, what it is compared with, and the scope that lists a theme's quotes.
    public static PainPointsView Dated() => new(
        "this week",
        QueryFilters.None,
        [Ranked(1, "export-timeouts", TrendDirection.Rising, 2), Ranked(2, "slow-dashboard", TrendDirection.New, 1)],
        0,
        UntaggedSignals.None,
        13,
        ThisWeek,
        VsWeekBefore,
        "between 30 Nov 2026 and 6 Dec 2026");

    private static PainPointsView HugeRanking() => new(
        "this month",
        QueryFilters.None,
        [.. Enumerable.Range(1, 200).Select(i => Ranked(i, $"theme-{i}", TrendDirection.Rising, 0) with { Quotes = LongQuotes(20) })],
        300,
        new UntaggedSignals(500, 120, LongQuotes(20)),
        9_000);

    private static TrendsView HugeTrends() => new("this month", QueryFilters.None, [.. Trends(2_000)], [.. Trends(2_000)], [.. Trends(2_000)]);

    private static Signal[] LongQuotes(int count) =>
        [.. Enumerable.Range(0, count).Select(_ => Signal(Long(SignalVocabulary.MaxQuoteLength), customer: Long(200), by: new ChatUser("U9", Long(300))))];

    private static IEnumerable<ThemeTrend> Trends(int count) =>
        Enumerable.Range(0, count).Select(i => new ThemeTrend($"theme-with-a-long-name-{i}", i + 2, i, i + 1, i));
}
