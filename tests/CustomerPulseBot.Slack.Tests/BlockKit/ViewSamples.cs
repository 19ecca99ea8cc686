using CustomerPulseBot.Core.ApiKeys;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Customers;
using CustomerPulseBot.Core.Meaning;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Slack.Tests.BlockKit;

/// <summary>One or more views of every kind, with the words each rendering must show.</summary>
internal static class ViewSamples
{
    /// <summary>Every way user text could ping, link or format in Slack or Teams; it must show as typed and ping nobody.</summary>
    public const string Hostile = "<!channel> ask <@U123> <https://evil.example|click> **markdown** <at>x</at>";

    private static readonly WorkspaceId Workspace = WorkspaceId.New();
    private static readonly DateOnly Since = new(2026, 3, 1);
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-03-02T10:00:00Z");

    public static Signal Signal(string quote, string? customer = "Acme", params string[] themes) => new(
        Guid.NewGuid(), Workspace, quote, customer, "buyer", "call", SignalKind.Pain, JourneyStage.Use, themes,
        Severity.High, "https://tickets.example.com/42?a=1&b=2", new ChatUser("U1", "Ana"), "C1", At, At,
        "https://example.slack.com/archives/C1/p1700000000000100");

    public static Theme Theme(string name, ThemeStatus status = ThemeStatus.Open, params string[] aliases) =>
        new(Guid.NewGuid(), Workspace, name, aliases, status, null, null, At);

    public static IReadOnlyList<(string Name, View View, string[] Shows)> All =>
    [
        ("capture confirmed", new CaptureConfirmedView(Signal("Exports time out", "Acme", "export-timeouts"), ["export-timeouts"]),
            ["Saved as a customer signal", "&gt; Exports time out", "Acme", "#export-timeouts", "New theme"]),
        ("capture rejected", new CaptureRejectedView([new FieldError(CaptureField.Quote, "The quote is empty")], "customer:Acme"),
            ["Nothing was saved", "The quote is empty", "&gt; customer:Acme"]),
        ("capture form", new CaptureFormView(new CaptureDraft(""), [], []), ["/pulse"]),
        ("pain points", new PainPointsView("this week", new QueryFilters(Segment: "buyer"),
            [new RankedTheme(1, "slow-dashboard", ThemeStatus.Planned, 9, 5, 4, Severity.Critical, 3, TrendDirection.Rising,
                [Signal("The dashboard takes ages", "Globex", "slow-dashboard")])],
            2, new UntaggedSignals(2, 2, [Signal("Nothing works on Mondays", null)]), 14),
            ["Top customer pain points this week", "*1. #slow-dashboard*", "9 signals from 5 customers", "rising (from 3)", "planned",
                "The dashboard takes ages", "Untagged", "14 friction signals this week · buyer", "Showing 1 of 3 themes", "14 friction signals"]),
        ("pain points, none", new PainPointsView("last week", QueryFilters.None, [], 0, UntaggedSignals.None, 0),
            ["No pains or requests were captured last week"]),
        ("trends", new TrendsView("this month", QueryFilters.None,
            [new ThemeTrend("sso-setup", 3, 0, 2, 0)], [new ThemeTrend("export-timeouts", 6, 2, 4, 2)], []),
            ["Friction trends this month", "*New*", "#sso-setup: 3 signals (was 0), 2 customers", "*Rising*", "#export-timeouts: 6 signals (was 2), 4 customers"]),
        ("trends, none", new TrendsView("this week", QueryFilters.None, [], [], []), ["No friction themes changed this week"]),
        ("search", new SearchResultsView("export", "the last 30 days", [Signal("Export is slow")], 1),
            ["Quotes matching \"export\"", "1 match the last 30 days", "Export is slow", "|evidence · tickets.example.com>", "|message>"]),
        ("search, none", new SearchResultsView("zzz", null, [], 0), ["No quotes match"]),
        ("themes", new ThemeListView([new ThemeSummary(Theme("export-timeouts", ThemeStatus.Shipped, "slow-export"), 4)], "the last 30 days"),
            ["Themes", "#export-timeouts: 4 signals · shipped (also #slow-export)"]),
        ("digest", Digest(QueryFilters.None, [.. Enumerable.Range(1, 8).Select(i => Signal($"Exports time out, take {i}", "Globex", "export-timeouts"))], 12),
            ["Customer pulse since Sun 1 Mar, 09:00 Europe/Berlin", "20 new quotes", "&gt; Exports time out, take 8", "captured by Ana",
                "and 12 more quotes — `/pulse top since 1 Mar 2026` ranks them, `/pulse search &lt;words&gt; since 1 Mar 2026` finds them",
                "*New*\n#sso-setup: 3 signals (was 0), 2 customers", "*Rising*\n#export-timeouts: 14 signals (was 6), 5 customers",
                "*Falling*\n#slow-dashboard: 3 signals (was 9), 2 customers", "*#checkout-errors*\n14 → 3 since shipped on 3 Nov\n(14 days before and after)"]),
        ("digest, quiet", Digest(QueryFilters.None, [], 0) with { New = [], Rising = [] },
            ["*Customer pulse*: nothing new since Sun 1 Mar, 09:00 Europe/Berlin; no friction rising."]),
        ("digest, filtered", Digest(new QueryFilters("enterprise", "export-timeouts", "Acme Corp"), [Signal("Exports time out")], 3),
            ["4 new quotes · enterprise, Acme Corp, #export-timeouts",
                "`/pulse top since 1 Mar 2026 segment:enterprise #export-timeouts customer:\"Acme Corp\"`"]),
        ("digest, trends only", Digest(QueryFilters.None, [], 0), ["0 new quotes", "No new quotes since Sun 1 Mar", "*Rising*"]),
        ("digest, hostile", Digest(new QueryFilters(Customer: Hostile), [CapturedByHostile(Signal(Hostile, Hostile))], 1),
            ["&gt; &lt;!channel&gt; ask &lt;@U123&gt; &lt;https://evil.example|click&gt; **markdown** &lt;at&gt;x&lt;/at&gt;",
                "captured by &lt;!channel&gt;", "new quotes · &lt;!channel&gt;"]),
        ("brief", new BriefView(PainPoints(), Trends()),
            ["Your weekly brief", "*1. #slow-dashboard*", "The dashboard takes ages", "What changed against the week before",
                "#export-timeouts: 6 signals (was 2), 4 customers"]),
        ("brief, quiet", new BriefView(new PainPointsView("the past 7 days", QueryFilters.None, [], 0, UntaggedSignals.None, 0), Trends()),
            ["*Your weekly brief:* a quiet week, no pains or requests were captured in the past 7 days."]),
        ("brief, hostile", new BriefView(
            PainPoints() with { Filters = new QueryFilters(Customer: Hostile), Untagged = new UntaggedSignals(1, 1, [CapturedByHostile(Signal(Hostile, Hostile))]) }, Trends()),
            ["&gt; &lt;!channel&gt; ask", "friction signals the past 7 days · &lt;!channel&gt;"]),
        ("ship notice", new ShippedNoticeView("export-timeouts", new DateOnly(2026, 11, 3), "streaming exports in 4.2",
            [Signal("Export times out"), Signal("Exports fail on Mondays", "Globex")], 2),
            ["*#export-timeouts is shipped (3 Nov)*: streaming exports in 4.2", "Acme’s “Export times out” is shipped — tell them.",
                "Globex’s “Exports fail on Mondays” is shipped — tell them.", "and 2 more of your quotes"]),
        ("ship notice, plain", new ShippedNoticeView("sso-setup", new DateOnly(2026, 1, 9), null, [Signal("SSO is painful", null)], 0),
            ["*#sso-setup is shipped (9 Jan)*", "“SSO is painful” is shipped — tell the customer."]),
        ("ship notice, hostile", new ShippedNoticeView("sso-setup", new DateOnly(2026, 1, 9), Hostile, [CapturedByHostile(Signal(Hostile, Hostile))], 0),
            ["*#sso-setup is shipped (9 Jan)*: &lt;!channel&gt;", "&lt;!channel&gt; ask &lt;@U123&gt; &lt;https://evil.example|click&gt; **markdown** &lt;at&gt;x&lt;/at&gt;’s “&lt;!channel&gt;"]),
        ("themes, none", new ThemeListView([], "the last 30 days"), ["No themes yet"]),
        ("help", new HelpView([new HelpEntry("top [period]", "Top pain points", "top this week")]),
            ["CustomerPulseBot help", "*top [period]*", "`/pulse top this week`"]),
        ("not understood", new NotUnderstoodView("a capture", "the segment is unknown", "Exports are slow segment:buyer", "x segment:kings"),
            ["I understood: a capture", "the segment is unknown", "`/pulse Exports are slow segment:buyer`", "&gt; x segment:kings"]),
        ("notice", new NoticeView("Merged #a into #b", "Signals tagged #a now count for #b."), ["Merged #a into #b", "now count for #b"]),
        ("digest status", new DigestStatusView(
                "Every day at 09:00 Europe/Berlin", "The next one comes Tue 12 Jan at 09:00.",
                "The one up to Mon 11 Jan at 09:00 has not arrived: the app's token stopped working: reinstall the app."),
            ["Every day at 09:00 Europe/Berlin", "The next one comes Tue 12 Jan at 09:00.", ":warning: The one up to Mon 11 Jan at 09:00 has not arrived: the app's token stopped working"]),
        ("digest status, no failure", new DigestStatusView("Every weekday at 08:30 UTC", "None has been delivered yet.", null),
            ["Every weekday at 08:30 UTC", "None has been delivered yet."]),
        ("digest status, hostile", new DigestStatusView("Every day at 09:00 UTC", Hostile, Hostile),
            ["&lt;!channel&gt; ask &lt;@U123&gt;", ":warning: &lt;!channel&gt; ask &lt;@U123&gt;"]),
        ("error", new ErrorView("Sorry, something went wrong.", "top this week", "0HN123"),
            ["Sorry, something went wrong.", "&gt; top this week", "0HN123"]),
        ("pain points, dated", Dated(),
            ["13 friction signals this week · Mon 30 Nov – Sun 6 Dec · vs the same days of the week before", "*1. #slow-dashboard*", "All 9 quotes"]),
        ("question", new QuestionView(Dated(), new Asked("whats hurting customers the most this wk??", "top pain points, this week", ["hurting"], ["“this wk” read as this week"])),
            ["Top customer pain points this week", "All 9 quotes", "Read as: top pain points, this week", "Not understood: “hurting”",
                "“this wk” read as this week", "Save it as a customer quote instead"]),
        ("question, too long to save", new QuestionView(new SearchResultsView("export", null, [], 0), new Asked(new string('x', 2_500), "search “export”", [], [])),
            ["No quotes match", "Read as: search “export”", "Send it again in quotation marks to save it"]),
        ("question, hostile", new QuestionView(new SearchResultsView("export", null, [], 0), new Asked(Hostile, Hostile, [Hostile], [Hostile])),
            ["Read as: &lt;!channel&gt; ask", "Not understood: “&lt;!channel&gt;"]),
        ("trends, dated, with quotes", new TrendsView("this week", QueryFilters.None,
            [new ThemeTrend("audit-log", 4, 0, 3, 0, Signal("Auditors need the change history", "Brightpath"))], [], [], "Mon 30 Nov – Sun 6 Dec", "vs the same days of the week before"),
            ["Mon 30 Nov – Sun 6 Dec · vs the same days of the week before", "#audit-log: 4 signals (was 0), 3 customers\n&gt; “Auditors need the change history” — Brightpath"]),
        ("search, a theme's quotes", new SearchResultsView("", "this week", [Signal("Exports fail", "Acme", "export-timeouts", "reporting")], 1,
            "Mon 30 Nov – Sun 6 Dec", new QueryFilters(Theme: "export-timeouts")),
            ["Quotes for #export-timeouts", "1 match this week · Mon 30 Nov – Sun 6 Dec · #export-timeouts, newest first", "#export-timeouts #reporting"]),
        ("search, filters in words", new SearchResultsView("export", "the last 90 days", [], 0, "Mon 7 Sep – Sun 6 Dec",
            new QueryFilters("buyer", null, "Acme", ["internal"], "call", [SignalKind.Pain, SignalKind.Request], Severity.High, JourneyStage.Onboard, "exports")),
            ["complaints and requests, buyer, not internal, Acme, on calls, high severity and up, during onboarding, about “exports”, most relevant first"]),
        ("capture confirmed, left out", new CaptureConfirmedView(Signal("Exports time out"), [], [new FieldError(CaptureField.Segment, "\"enterprize\" is not a segment I know. Saved without it; use Edit to add it.")]),
            ["*Left out:* \"enterprize\" is not a segment I know. Saved without it; use Edit to add it.", "Undo", "Edit"]),
        ("capture confirmed, edited", new CaptureConfirmedView(Signal("Exports time out"), [], Edited: true), ["*Saved your changes to the customer signal.*"]),
        ("deleted", new SignalDeletedView(Signal("Exports time out")), ["*Removed.*", "&gt; Exports time out"]),
        ("count", new CountView("this month", "Sun 1 Nov – Mon 30 Nov", new QueryFilters(Topic: "SSO"), "SSO", 7, 4,
            [new ThemeStats("sso-setup", 5, 3, 1, 4, 2.5, 3), new ThemeStats(null, 2, 1, 1, 2, 2, 2)],
            [new CustomerStats("Acme", 3, Signal("SSO again")), new CustomerStats("Globex", 2, Signal("SSO is slow", "Globex"))]),
            ["How many this month", "Sun 1 Nov – Mon 30 Nov · about “SSO”", "*7 signals* mentioning “SSO” from *4 named customers*", "#sso-setup: 5 signals",
                "untagged: 2 signals", "*By customer:* Acme 3 · Globex 2"]),
        ("customers", new CustomersView("the last 30 days", "Sat 7 Nov – Sun 6 Dec", new QueryFilters(Theme: "slow-dashboard"), null,
            new CustomerList([new CustomerStats("Acme", 4, Signal("The dashboard takes ages"))], 3)),
            ["Customers the last 30 days", "3 named customers · Sat 7 Nov – Sun 6 Dec · #slow-dashboard", "*Acme* · 4 signals, the latest:", "&gt; The dashboard takes ages",
                "and 2 more customers"]),
        ("customers, none", new CustomersView("this week", "Mon 30 Nov – Sun 6 Dec", QueryFilters.None, "kubernetes", new CustomerList([], 0)),
            ["No named customer said anything that matches this week."]),
        ("shipped", new ShippedView("export-timeouts", [new ShippedThemeRate("export-timeouts", new DateOnly(2026, 11, 3), 14, 9, 2)]),
            ["#export-timeouts since it shipped", "*#export-timeouts*\n9 → 2 since shipped on 3 Nov\n(14 days before and after)"]),
        ("shipped, none", new ShippedView(null, []), ["No theme is marked shipped yet: `/pulse theme ship &lt;theme&gt;` marks one."]),
        ("journey", new JourneyView("this quarter", "Thu 1 Oct – Thu 31 Dec", QueryFilters.None,
            [new StageFriction(JourneyStage.Onboard, 9, 5, 3.1, Signal("Setup took a week")), new StageFriction(null, 2, 1, 2, null)]),
            ["Where customers struggle this quarter", "*1. Onboarding*: 9 signals from 5 customers · severity 3.1 of 4 on average", "&gt; Setup took a week",
                "*2. No stage given*: 2 signals from 1 customer · severity 2.0 of 4 on average"]),
        ("journey, none", new JourneyView("this week", "Mon 30 Nov – Sun 6 Dec", QueryFilters.None, []), ["No pains or requests were captured this week."]),
        ("settings", new SettingsView("Europe/Berlin", DayOfWeek.Monday),
            ["Workspace settings", "*Time zone:* Europe/Berlin · today, dates and new digests, for anyone whose own zone is not known",
                "*Weeks start on:* Monday · this week, last week, since last week",
                "*Auto-tagging:* on · confident theme suggestions tag captures by themselves, marked as suggested",
                "*Masking personal data:* on · e-mail addresses, phone and card numbers, IBANs and secrets in captures are masked before saving",
                "Anyone in the workspace can change these: `/pulse settings timezone Europe/Berlin` · `/pulse settings week-start sunday` · `/pulse settings auto-tag off` · `/pulse settings redact off`"]),
        ("settings, time zone changed", new SettingsView("America/New_York", DayOfWeek.Sunday, WorkspaceSetting.TimeZone, "Asia/Tokyo"),
            ["Time zone changed", "*Time zone:* America/New_York", "*Weeks start on:* Sunday", "Your own time zone, Asia/Tokyo, is used for your answers.",
                "Digests already scheduled keep the zone they were scheduled in; `/pulse digest status` shows it."]),
        ("settings, week start changed", new SettingsView("UTC", DayOfWeek.Saturday, WorkspaceSetting.WeekStart), ["First day of the week changed", "*Weeks start on:* Saturday"]),
        ("settings, auto-tag off", new SettingsView("UTC", DayOfWeek.Monday, WorkspaceSetting.AutoTag, AutoTag: false),
            ["Auto-tagging switched off", "*Auto-tagging:* off · theme suggestions are only offered", "`/pulse settings auto-tag on`"]),
        ("confirm forget", new ConfirmForgetView("Acme <!channel>", 3, "0193f2a10000700080000000000000aa U1 Acme <!channel>"),
            [":warning: *Erase 3 signals of “Acme &lt;!channel&gt;”?*\nThis cannot be undone", "Erase", "Cancel"]),
        ("settings, redact off", new SettingsView("UTC", DayOfWeek.Monday, WorkspaceSetting.Redact, Redact: false),
            ["Masking of personal data switched off", "*Masking personal data:* off · captures are saved as typed", "`/pulse settings redact on`"]),
        ("capture confirmed, masked", new CaptureConfirmedView(Signal("Refund [email], card [card] was charged twice"), [],
                Masked: new PersonalDataFound(Emails: 1, Cards: 1)),
            ["&gt; Refund [email], card [card] was charged twice", ":lock: Masked before saving: 1 email, 1 card number", "Undo", "Edit"]),
        ("capture confirmed, a theme suggested", new CaptureConfirmedView(Signal("Exports stall after a minute"), [],
                Meaning: new CaptureMeaning(new ThemeGuess("export-timeouts", 0.71f, false), null, null)),
            [":label: Looks like *#export-timeouts*", "Or name a new theme", "Add", "Another theme", "New theme", "Undo"]),
        ("capture confirmed, tagged by itself", new CaptureConfirmedView(
                Signal("Exports stall after a minute", "Acme", "export-timeouts") with { SuggestedThemes = ["export-timeouts"] }, [],
                Meaning: new CaptureMeaning(new ThemeGuess("export-timeouts", 0.93f, true), "export-timeouts", null)),
            [":label: Tagged *#export-timeouts* _(suggested)_", "#export-timeouts _(suggested)_", "Remove"]),
        ("capture confirmed, a near-duplicate", new CaptureConfirmedView(Signal("Exports time out again"), [],
                Meaning: new CaptureMeaning(null, null, Row("Exports time out", "Acme"))),
            ["Similar to a quote from the same customer captured on 2 Mar:\n&gt; Exports time out", "Keep both", "Merge"]),
        ("capture confirmed, hostile near-duplicate", new CaptureConfirmedView(Signal("Exports time out again"), [],
                Meaning: new CaptureMeaning(null, null, Row(Hostile, Hostile))),
            ["&gt; &lt;!channel&gt; ask &lt;@U123&gt; &lt;https://evil.example|click&gt;"]),
        ("new themes", NewThemes(),
            ["New themes this week", "Among the untagged quotes · Mon 30 Nov – Sun 6 Dec", "*#sso-login-loops* · 7 quotes from 4 customers",
                "&gt; SSO sends me back to the login page — Acme", "Create theme"]),
        ("new themes, none", new NewThemesView("this week", null, [], Week), ["No new themes: the untagged quotes this week do not group into one yet."]),
        ("new themes, hostile", new NewThemesView("this week", null, [Candidate("sso-login-loops", 3, 2, Row(Hostile, Hostile))], Week),
            ["&gt; &lt;!channel&gt; ask &lt;@U123&gt; &lt;https://evil.example|click&gt; **markdown** &lt;at&gt;x&lt;/at&gt; — &lt;!channel&gt;"]),
        ("brief, with new themes", new BriefView(PainPoints(), Trends()) { NewThemes = NewThemes() with { PeriodLabel = "the past 7 days" } },
            ["Your weekly brief", "Possible new themes", "*#sso-login-loops* · 7 quotes from 4 customers", "Create theme"]),
        ("admins", new AdminsView(Roster(new ChatUser("U0INSTALL", "U0INSTALL"), new ChatUser("U0BEN", "ben")), TimeZoneInfo.Utc,
                new AdminChange(new ChatUser("U0BEN", "ben"), AdminChangeKind.Added)),
            ["*<@U0BEN> is now a workspace admin*", "• Slack workspace owners and admins, by their role", "• <@U0INSTALL>, who installed the app",
                "• <@U0BEN>, added by <@U0INSTALL> on 2 Mar 2026", "`@pulse admins add @name` adds someone"]),
        ("admin only", new AdminOnlyView("merge themes", Roster(new ChatUser("U0INSTALL", "U0INSTALL"), new ChatUser("U0BEN", "ben")), "theme merge a b"),
            ["Only workspace admins can merge themes",
                "Workspace admins here are Slack workspace owners and admins, <@U0INSTALL> (who installed the app), and the people added with admins add: <@U0BEN>. Ask one of them.",
                "&gt; theme merge a b"]),
        ("admins, hostile", new AdminsView(Roster(new ChatUser("<!channel>", Hostile), new ChatUser("29:1x", Hostile)), TimeZoneInfo.Utc,
                new AdminChange(new ChatUser("U1|<!channel>", Hostile), AdminChangeKind.Removed)),
            ["&lt;!channel&gt; ask &lt;@U123&gt; &lt;https://evil.example|click&gt;"]),
        ("api key created", new ApiKeyCreatedView(Key("CRM sync", ApiKeyScope.Write, "Ana"), Secret),
            ["API key created", "*CRM sync* · write · shown this once", $"```{Secret}```", $"curl -H \"Authorization: Bearer {Secret}\" \"$PULSE_URL/api/v1/themes\"",
                "`/pulse api-key revoke CRM sync` stops it"]),
        ("api key created, hostile", new ApiKeyCreatedView(Key(Hostile, ApiKeyScope.Read, Hostile), Secret),
            ["*&lt;!channel&gt; ask &lt;@U123&gt; &lt;https://evil.example|click&gt;"]),
        ("api keys", new ApiKeysView([Key("CRM sync", ApiKeyScope.Write, "Ana"), Key("read-k3Yz", ApiKeyScope.Read, "command line")], TimeZoneInfo.Utc),
            ["API keys", "2 working keys", "*CRM sync* · write · …wXyZ · created by Ana on 2 Mar 2026", "*read-k3Yz* · read · …wXyZ · created by command line on 2 Mar 2026"]),
        ("api keys, none", new ApiKeysView([], TimeZoneInfo.Utc), ["No key works here yet. `/pulse api-key create` makes one"]),
        ("api keys, hostile", new ApiKeysView([Key(Hostile, ApiKeyScope.Read, Hostile)], TimeZoneInfo.Utc), ["&lt;!channel&gt; ask &lt;@U123&gt; &lt;https://evil.example|click&gt;"]),
        ("export link", new ExportLinkView(new Uri("https://pulse.example.com/exports/CfDJ8a|b"), "this month", "Sun 1 Mar – Tue 31 Mar", "billing", 42, TimeSpan.FromMinutes(15)),
            ["CSV export ready", "<https://pulse.example.com/exports/CfDJ8a%7Cb|Download the CSV> · 42 signals this month in #billing",
                "For you alone: the link works once, within 15 minutes · Sun 1 Mar – Tue 31 Mar"]),
        ("customer profile", new CustomerProfileView(
                new CustomerProfile("Acme Corp", ["Acme", "ACME Inc."], "enterprise", "Enterprise", 120_000m, "Ana"), 7,
                [new ThemeStats("export-timeouts", 4, 1, 0, 3, 3, 4), new ThemeStats(null, 1, 1, 0, 1, 2, 2)],
                [Signal("Exports time out", "Acme Corp", "export-timeouts")]),
            ["Customer", "*Acme Corp*", "*Plan:* Enterprise", "*ARR:* 120k", "*Owner:* Ana", "*Segment:* enterprise", "*Also called:* Acme, ACME Inc.",
                "*7 signals* · #export-timeouts 4 · untagged 1", "&gt; Exports time out"]),
        ("customer profile, nothing known", new CustomerProfileView(new CustomerProfile("Initech", []), 0, [], []),
            ["Initech", "No plan, revenue or owner known yet", "*0 signals*"]),
        ("customer profile, hostile", new CustomerProfileView(new CustomerProfile(Hostile, [Hostile], Plan: Hostile, Owner: Hostile), 1, [], [Signal(Hostile, Hostile)]),
            ["*Plan:* &lt;!channel&gt; ask &lt;@U123&gt; &lt;https://evil.example|click&gt;"]),
        ("pain points by revenue", PainPoints() with
            {
                PeriodLabel = "this month",
                ByRevenue = true,
                Themes = [PainPoints().Themes[0] with { Revenue = 1_200_000m, RevenueCustomers = 2 }],
            },
            ["Top customer pain points by revenue this month", "*1. #slow-dashboard*", "rising (from 3) · 1.2M ARR from 2 customers"]),
        ("admin only, hostile", new AdminOnlyView("merge themes", Roster(new ChatUser("<!here>", Hostile), new ChatUser("29:1x", Hostile)), Hostile),
            ["&lt;!channel&gt; ask &lt;@U123&gt; &lt;https://evil.example|click&gt;"]),
    ];

    public const string Secret = "pk_Zx8Qm2v9LrT4cW7yH1nB6dK3sF0gJ5aE8uP2iO9wXyZ";

    public static ApiKey Key(string name, ApiKeyScope scope, string createdBy) => new(Guid.NewGuid(), Workspace, name, scope, "wXyZ", At, createdBy);

    private static readonly DateRange Week = new(DateTimeOffset.Parse("2026-11-30T00:00:00Z"), DateTimeOffset.Parse("2026-12-07T00:00:00Z"));

    /// <summary>Slack's admins, <paramref name="installer"/>, and <paramref name="added"/> added by them.</summary>
    public static AdminRoster Roster(ChatUser installer, ChatUser added) =>
        new("Slack workspace owners and admins", installer, [new WorkspaceAdmin(added, installer, At)]);

    public static MeaningRow Row(string quote, string? customer) =>
        new(Guid.NewGuid(), quote, [1f, 0f], [], [], customer, customer?.ToLowerInvariant(), At, At, null);

    public static CandidateTheme Candidate(string name, int size, int customers, params MeaningRow[] examples) =>
        new(name, [.. examples.Select(e => e.SignalId), .. Enumerable.Range(0, size - examples.Length).Select(_ => Guid.NewGuid())], customers, examples);

    public static NewThemesView NewThemes() => new("this week", "Mon 30 Nov – Sun 6 Dec",
        [
            Candidate("sso-login-loops", 7, 4, Row("SSO sends me back to the login page", "Acme"), Row("Login keeps looping with Okta", "Globex")),
            Candidate("invoice-pdf-missing", 80, 12, Row("The invoice PDF never arrives", "Initech"), Row("Where is my invoice?", null)),
        ],
        Week);

    public static IEnumerable<(string Name, View View, string[] Shows)> Hostiles => All.Where(s => s.Name.EndsWith("hostile", StringComparison.Ordinal));

    /// <summary>A digest since 1 Mar with trends in every direction and a shipped theme.</summary>
    public static DigestView Digest(QueryFilters filters, IReadOnlyList<Signal> fresh, int more) => new(
        "since Sun 1 Mar, 09:00 Europe/Berlin", Since, filters, fresh, more,
        [new ThemeTrend("sso-setup", 3, 0, 2, 0)],
        [new ThemeTrend("export-timeouts", 14, 6, 5, 3)],
        [new ThemeTrend("slow-dashboard", 3, 9, 2, 6)],
        [new ShippedThemeRate("checkout-errors", new DateOnly(2025, 11, 3), 14, 14, 3)]);

    private static Signal CapturedByHostile(Signal signal) => signal with { CapturedBy = new ChatUser("U9", Hostile) };

    private static PainPointsView PainPoints() => new("the past 7 days", QueryFilters.None,
        [new RankedTheme(1, "slow-dashboard", ThemeStatus.Open, 9, 5, 4, Severity.High, 3, TrendDirection.Rising,
            [Signal("The dashboard takes ages", "Globex", "slow-dashboard")])],
        0, UntaggedSignals.None, 9);

    /// <summary>A ranking as Core writes it for "top this week": dates, comparison, and the scope that lists a theme's quotes.</summary>
    public static PainPointsView Dated() => PainPoints() with
    {
        PeriodLabel = "this week",
        TotalSignals = 13,
        Dates = "Mon 30 Nov – Sun 6 Dec",
        Comparison = "vs the same days of the week before",
        Scope = "between 30 Nov 2026 and 6 Dec 2026",
    };

    private static TrendsView Trends() => new("the past 7 days", QueryFilters.None, [], [new ThemeTrend("export-timeouts", 6, 2, 4, 2)], []);
}
