using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
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
                "The dashboard takes ages", "Untagged", "segment buyer", "Showing 1 of 3 themes", "14 friction signals"]),
        ("pain points, none", new PainPointsView("last week", QueryFilters.None, [], 0, UntaggedSignals.None, 0),
            ["No pains or requests were captured last week"]),
        ("trends", new TrendsView("this month", QueryFilters.None,
            [new ThemeTrend("sso-setup", 3, 0, 2, 0)], [new ThemeTrend("export-timeouts", 6, 2, 4, 2)], []),
            ["Friction trends this month", "*New*", "#sso-setup: 3 signals (was 0), 2 customers", "*Rising*", "#export-timeouts: 6 signals (was 2), 4 customers"]),
        ("trends, none", new TrendsView("this week", QueryFilters.None, [], [], []), ["No friction themes changed this week"]),
        ("search", new SearchResultsView("export", "the last 30 days", [Signal("Export is slow")], 1),
            ["Quotes matching \"export\"", "1 match the last 30 days", "Export is slow", "evidence", "message"]),
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
            ["4 new quotes · segment enterprise, #export-timeouts, customer Acme Corp",
                "`/pulse top since 1 Mar 2026 segment:enterprise #export-timeouts customer:\"Acme Corp\"`"]),
        ("digest, trends only", Digest(QueryFilters.None, [], 0), ["0 new quotes", "No new quotes since Sun 1 Mar", "*Rising*"]),
        ("digest, hostile", Digest(new QueryFilters(Customer: Hostile), [CapturedByHostile(Signal(Hostile, Hostile))], 1),
            ["&gt; &lt;!channel&gt; ask &lt;@U123&gt; &lt;https://evil.example|click&gt; **markdown** &lt;at&gt;x&lt;/at&gt;",
                "captured by &lt;!channel&gt;", "customer &lt;!channel&gt;"]),
        ("brief", new BriefView(PainPoints(), Trends()),
            ["Your weekly brief", "*1. #slow-dashboard*", "The dashboard takes ages", "What changed against the week before",
                "#export-timeouts: 6 signals (was 2), 4 customers"]),
        ("brief, quiet", new BriefView(new PainPointsView("the past 7 days", QueryFilters.None, [], 0, UntaggedSignals.None, 0), Trends()),
            ["*Your weekly brief:* a quiet week, no pains or requests were captured in the past 7 days."]),
        ("brief, hostile", new BriefView(
            PainPoints() with { Filters = new QueryFilters(Customer: Hostile), Untagged = new UntaggedSignals(1, 1, [CapturedByHostile(Signal(Hostile, Hostile))]) }, Trends()),
            ["&gt; &lt;!channel&gt; ask", "customer &lt;!channel&gt;"]),
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
        ("error", new ErrorView("Sorry, something went wrong.", "top this week", "0HN123"),
            ["Sorry, something went wrong.", "&gt; top this week", "0HN123"]),
    ];

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

    private static TrendsView Trends() => new("the past 7 days", QueryFilters.None, [], [new ThemeTrend("export-timeouts", 6, 2, 4, 2)], []);
}
