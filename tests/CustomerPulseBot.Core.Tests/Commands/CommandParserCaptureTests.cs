using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Core.Tests.Commands;

/// <summary>One-line captures: which words become fields, and that the rest is the quote as typed.</summary>
public sealed class CommandParserCaptureTests
{
    public static TheoryData<string, CaptureDraft> Captures => new()
    {
        {
            "Exporting the Q3 report timed out twice today customer:Acme segment:buyer source:call #export-timeouts https://support.example/T-1841",
            new("Exporting the Q3 report timed out twice today", "Acme", "buyer", "call", Themes: ["export-timeouts"], EvidenceUrl: "https://support.example/T-1841")
        },
        {
            "/pulse \"We gave up on SSO after two days\" customer:Globex segment:admin stage:onboard severity:high #sso-setup",
            new("We gave up on SSO after two days", "Globex", "admin", Stage: "onboard", Severity: "high", Themes: ["sso-setup"])
        },
        {
            "customer:\"Acme Corp\" The dashboard takes a minute to load kind:request",
            new("The dashboard takes a minute to load", "Acme Corp", Kind: "request", Themes: [])
        },
        { "segment:whale the export is slow", new("the export is slow", Segment: "whale", Themes: []) },
        { "said:3 Nov 2026 the export failed again", new("the export failed again", SaidOn: "3 Nov 2026", Themes: []) },
        { "the export failed again said:Nov 3, 2026", new("the export failed again", SaidOn: "Nov 3, 2026", Themes: []) },
        { "said:2026-02-30 it broke", new("it broke", SaidOn: "2026-02-30", Themes: []) },
        { "said:3 things broke at once", new("things broke at once", SaidOn: "3", Themes: []) },
        { "said:3 days ago the export failed again", new("the export failed again", SaidOn: "3 days ago", Themes: []) },
        { "said:last Friday, the export failed", new("the export failed", SaidOn: "last Friday", Themes: []) },
        { "Has anyone fixed the CSV export yet? said:2 weeks ago", new("Has anyone fixed the CSV export yet?", SaidOn: "2 weeks ago", Themes: []) },
        { "said:yesterday why is the export so slow?", new("why is the export so slow?", SaidOn: "yesterday", Themes: []) },
        { "We use C# and #1 priority is speed #Performance #Slow_Dashboard", new("We use C# and #1 priority is speed", Themes: ["Performance", "Slow_Dashboard"]) },
        { "see https://a.example/one and https://b.example/two", new("see and https://b.example/two", EvidenceUrl: "https://a.example/one", Themes: []) },
        { "Slack link <https://support.example/T-9|T-9> was closed", new("Slack link T-9 (support.example) was closed", EvidenceUrl: "https://support.example/T-9", Themes: []) },
        { "Slack link <https://support.example/T-9> was closed", new("Slack link was closed", EvidenceUrl: "https://support.example/T-9", Themes: []) },
        { "read <https://evil.example/login|https://bank.example/login> first", new("read https://bank.example/login (evil.example) first", EvidenceUrl: "https://evil.example/login", Themes: []) },
        { "typed <http://docs.example|docs.example> as a link", new("typed docs.example as a link", EvidenceUrl: "http://docs.example", Themes: []) },
        { "<https://support.example/T-9|the ticket> is still open", new("the ticket (support.example) is still open", EvidenceUrl: "https://support.example/T-9", Themes: []) },
        { "the link https://docs.example/page#section is wrong.", new("the link is wrong.", EvidenceUrl: "https://docs.example/page#section", Themes: []) },
        { "“Top of the line, but slow” customer:Initech", new("Top of the line, but slow", "Initech", Themes: []) },
        { "\"top of the line but slow\"", new("top of the line but slow", Themes: []) },
        { "\"we post #launch updates with customer:names\" #marketing", new("we post #launch updates with customer:names", Themes: ["marketing"]) },
        { "\"slow\" is what they said, \"very slow\"", new("\"slow\" is what they said, \"very slow\"", Themes: []) },
        { "capture the export is slow", new("the export is slow", Themes: []) },
        { "add a dark mode please", new("add a dark mode please", Themes: []) },
        { "settings page is broken customer:Acme", new("settings page is broken", "Acme", Themes: []) },
        { "forget the old export screen customer:Acme", new("forget the old export screen", "Acme", Themes: []) },
        { "Settings never save when I change the logo", new("Settings never save when I change the logo", Themes: []) },
        { "first line\nsecond line customer:Acme", new("first line\nsecond line", "Acme", Themes: []) },
        { "segment:buyer segment:admin slow export", new("segment:admin slow export", Segment: "buyer", Themes: []) },
        { "Kind:Praise love the timeline", new("love the timeline", Kind: "Praise", Themes: []) },
        { "Customer: we cannot export anything", new("Customer: we cannot export anything", Themes: []) },
        { "customer:Acme, they said the export broke", new("they said the export broke", "Acme", Themes: []) },
        { "great support\" customer:Acme", new("great support\"", "Acme", Themes: []) },
    };

    [Theory]
    [MemberData(nameof(Captures))]
    public void SplitsFieldsFromTheQuote_WhenTheTextIsACapture(string text, CaptureDraft expected)
    {
        var command = CommandParser.Parse(text, CommandParserTests.Today, DayOfWeek.Monday);

        var draft = Assert.IsType<CaptureCommand>(command).Draft;
        Assert.Equal(expected with { Themes = null }, draft with { Themes = null });
        Assert.Equal(expected.Themes, draft.Themes);
    }
}
