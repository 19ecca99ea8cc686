using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Slack.Tests.BlockKit;

/// <summary>One or more views of every kind, with the words each rendering must show.</summary>
internal static class ViewSamples
{
    private static readonly WorkspaceId Workspace = WorkspaceId.New();
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
            ["Friction trends this month", "*New*", "#sso-setup: 0 → 3 signals", "*Rising*", "#export-timeouts: 2 → 6 signals"]),
        ("trends, none", new TrendsView("this week", QueryFilters.None, [], [], []), ["No friction themes changed this week"]),
        ("search", new SearchResultsView("export", "the last 30 days", [Signal("Export is slow")], 1),
            ["Quotes matching \"export\"", "1 match the last 30 days", "Export is slow", "evidence", "message"]),
        ("search, none", new SearchResultsView("zzz", null, [], 0), ["No quotes match"]),
        ("themes", new ThemeListView([new ThemeSummary(Theme("export-timeouts", ThemeStatus.Shipped, "slow-export"), 4)], "the last 30 days"),
            ["Themes", "#export-timeouts: 4 signals · shipped (also #slow-export)"]),
        ("themes, none", new ThemeListView([], "the last 30 days"), ["No themes yet"]),
        ("help", new HelpView([new HelpEntry("top [period]", "Top pain points", "top this week")]),
            ["CustomerPulseBot help", "*top [period]*", "`/pulse top this week`"]),
        ("not understood", new NotUnderstoodView("a capture", "the segment is unknown", "Exports are slow segment:buyer", "x segment:kings"),
            ["I understood: a capture", "the segment is unknown", "`/pulse Exports are slow segment:buyer`", "&gt; x segment:kings"]),
        ("notice", new NoticeView("Merged #a into #b", "Signals tagged #a now count for #b."), ["Merged #a into #b", "now count for #b"]),
        ("error", new ErrorView("Sorry, something went wrong.", "top this week", "0HN123"),
            ["Sorry, something went wrong.", "&gt; top this week", "0HN123"]),
    ];
}
