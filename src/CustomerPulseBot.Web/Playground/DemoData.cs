using System.Security.Cryptography;
using System.Text;
using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Meaning;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Web.Playground;

/// <summary>
/// Quotes about Beacon, an imaginary B2B reporting product, so that "top this week" has something to rank.
/// This week's quotes fall in the part of the week that has passed and last week's in the same stretch of
/// last week, which is what trends compare; so the ranking and the trends look the same whenever they are loaded.
/// </summary>
internal sealed class DemoData(IPulseStore store, TimeProvider clock, ILogger<DemoData> logger, IVectorQueue? vectors = null)
{
    private static readonly ChatUser Priya = new("demo-priya", "Priya Shah (Sales)");
    private static readonly ChatUser Tom = new("demo-tom", "Tom Becker (Support)");
    private static readonly ChatUser Mei = new("demo-mei", "Mei Lin (Product)");
    private static readonly ChatUser Jonas = new("demo-jonas", "Jonas Weber (Success)");

    private const string Ticket = "https://support.example.com/tickets/";
    private const string Recording = "https://calls.example.com/recordings/";

    private static readonly DemoQuote[] ThisWeek =
    [
        new("Exporting the quarterly board pack to Excel spins for ten minutes and then fails. We end up screenshotting charts into PowerPoint.",
            "Acme Logistics", "buyer", "call", SignalKind.Pain, JourneyStage.Use, Severity.High, "export-timeouts", Recording + "4821", Priya),
        new("The sales dashboard takes 40 seconds to load on Monday mornings, exactly when the whole team opens it.",
            "Hooli", "user", "interview", SignalKind.Pain, JourneyStage.Use, Severity.High, "slow-dashboard", null, Mei),
        new("We gave up on SSO after two days. The Okta instructions don't match what your settings page shows.",
            "Umbrella Health", "admin", "ticket", SignalKind.Pain, JourneyStage.Onboard, Severity.High, "sso-setup", Ticket + "T-2207", Tom),
        new("Our finance team runs the month-end CSV export overnight because during the day it just times out.",
            "Globex", "admin", "ticket", SignalKind.Pain, JourneyStage.Use, Severity.High, "export-timeouts", Ticket + "T-2210", Tom),
        new("It took us three weeks to get the first useful dashboard. The empty workspace doesn't tell you where to start.",
            "Soylent Foods", "user", "interview", SignalKind.Pain, JourneyStage.Onboard, Severity.Medium, "onboarding", null, Mei),
        new("Switching the date filter reloads every widget from scratch. I've learned to change filters and go get coffee.",
            "Umbrella Health", "user", "survey", SignalKind.Pain, JourneyStage.Use, Severity.Medium, "slow-dashboard", null, Mei),
        new("Any export over 50,000 rows dies with 'request timed out'. That's every one of our regional reports.",
            "Stark Freight", "enterprise", "ticket", SignalKind.Pain, JourneyStage.Use, Severity.Critical, "export-timeouts", Ticket + "T-2231", Tom),
        new("I still can't tell whether viewers count as paid seats. Procurement asked me twice.",
            "Wayne Retail", "buyer", "email", SignalKind.Pain, JourneyStage.Buy, Severity.Medium, "confusing-pricing", null, Priya),
        new("Security won't sign off until SSO is enforced for everyone, and right now contractors can still log in with passwords.",
            "Stark Freight", "enterprise", "call", SignalKind.Pain, JourneyStage.Buy, Severity.Critical, "sso-setup", Recording + "4840", Priya),
        new("Our execs stopped opening the dashboard; they ask analysts for screenshots because it's faster.",
            "Pied Piper", "buyer", "call", SignalKind.Pain, JourneyStage.Use, Severity.High, "slow-dashboard", Recording + "4846", Jonas),
        new("Can you email me the export when it's ready instead of making me wait on the page?",
            "Vandelay Imports", "user", "chat", SignalKind.Request, JourneyStage.Use, Severity.Medium, "export-timeouts", null, Tom),
        new("The new alert rules are great: we caught a stock-out two days earlier than usual.",
            "Soylent Foods", "user", "chat", SignalKind.Praise, JourneyStage.Use, Severity.Low, "alerts", null, Jonas),
        new("Connecting our warehouse was easy, but nobody told us we had to map fiscal quarters before anything made sense.",
            "Tyrell Corp", "admin", "call", SignalKind.Pain, JourneyStage.Onboard, Severity.Medium, "onboarding", Recording + "4852", Jonas),
        new("Could widgets load one by one instead of the whole page waiting on the slowest chart?",
            "Massive Dynamic", "user", "community", SignalKind.Request, JourneyStage.Use, Severity.Low, "slow-dashboard",
            "https://community.example.com/t/progressive-widget-loading/312", Mei),
        new("I retried the PDF export four times before the CFO meeting. It worked on the fifth, with two minutes to spare.",
            "Wonka Industries", "user", "interview", SignalKind.Pain, JourneyStage.Use, Severity.High, "export-timeouts", null, Mei),
        new("SAML setup asks for a certificate format our identity provider doesn't export. Support had to convert it for us.",
            "Cyberdyne Labs", "admin", "ticket", SignalKind.Pain, JourneyStage.Onboard, Severity.High, "sso-setup", Ticket + "T-2248", Tom),
        new("The mobile app logs me out every time I switch to another app.",
            "Tyrell Corp", "user", "review", SignalKind.Pain, JourneyStage.Use, Severity.Low, null, "https://reviews.example.com/beacon/88213", Jonas),
        new("Dashboards with more than 12 widgets are basically unusable on the laptops our field team has.",
            "Globex", "user", "ticket", SignalKind.Pain, JourneyStage.Use, Severity.Medium, "slow-dashboard", Ticket + "T-2252", Tom),
        new("If scheduled exports can't finish, we can't replace our old BI tool. That's the deal-breaker for renewal.",
            "Initech", "buyer", "call", SignalKind.Pain, JourneyStage.Renew, Severity.Critical, "export-timeouts", Recording + "4877", Jonas),
        new("Is there a way to share a dashboard with a client without giving them a login?",
            "Wonka Industries", "user", "chat", SignalKind.Question, JourneyStage.Use, Severity.Low, "sharing", null, Tom),
        new("A template for a standard SaaS metrics board would have saved our analyst a week.",
            "Pied Piper", "user", "survey", SignalKind.Request, JourneyStage.Onboard, Severity.Low, "onboarding", null, Mei),
        new("The jump from Team to Business doubles our bill for the one feature we need.",
            "Initech", "buyer", "call", SignalKind.Pain, JourneyStage.Renew, Severity.High, "confusing-pricing", Recording + "4881", Priya),
        new("Please support SCIM so we stop removing leavers by hand.",
            "Stark Freight", "admin", "email", SignalKind.Request, JourneyStage.Use, Severity.Medium, "sso-setup", null, Jonas),
        new("Loading the regional view still takes half a minute after last week's update.",
            "Hooli", "admin", "email", SignalKind.Pain, JourneyStage.Use, Severity.Medium, "slow-dashboard", null, Jonas),
        new("The export timed out again this morning; the team has started copying tables by hand.",
            "Acme Logistics", "user", "ticket", SignalKind.Pain, JourneyStage.Use, Severity.Medium, "export-timeouts", Ticket + "T-2264", Tom),
    ];

    private static readonly DemoQuote[] LastWeek =
    [
        new("The pricing page says 'unlimited dashboards' but the invoice charges per workspace. Which is it?",
            "Acme Logistics", "buyer", "email", SignalKind.Pain, JourneyStage.Buy, Severity.High, "confusing-pricing", null, Priya),
        new("Every time I open the pipeline dashboard I get the spinner for half a minute.",
            "Hooli", "user", "ticket", SignalKind.Pain, JourneyStage.Use, Severity.Medium, "slow-dashboard", Ticket + "T-2150", Tom),
        new("The scheduled Monday export failed silently; we only noticed when the report was missing from the board meeting.",
            "Globex", "buyer", "call", SignalKind.Pain, JourneyStage.Use, Severity.High, "export-timeouts", Recording + "4760", Priya),
        new("I had to build a spreadsheet to compare the plans because the add-ons are listed on a different page.",
            "Hooli", "buyer", "call", SignalKind.Pain, JourneyStage.Evaluate, Severity.Medium, "confusing-pricing", null, Priya),
        new("The setup checklist ends after connecting data, but that's where we actually got stuck.",
            "Cyberdyne Labs", "admin", "interview", SignalKind.Pain, JourneyStage.Onboard, Severity.Medium, "onboarding", null, Mei),
        new("The dashboard is slow enough that our weekly review starts with five minutes of waiting.",
            "Umbrella Health", "buyer", "call", SignalKind.Pain, JourneyStage.Use, Severity.High, "slow-dashboard", Recording + "4771", Jonas),
        new("We nearly bought the wrong tier because API access is only mentioned in the FAQ.",
            "Tyrell Corp", "buyer", "call", SignalKind.Pain, JourneyStage.Buy, Severity.Medium, "confusing-pricing", null, Priya),
        new("Filters feel sluggish compared to the trial; did something change?",
            "Massive Dynamic", "user", "chat", SignalKind.Pain, JourneyStage.Use, Severity.Medium, "slow-dashboard", null, Tom),
        new("New analysts need a walkthrough of how metrics are defined; today they ask me.",
            "Wonka Industries", "user", "interview", SignalKind.Request, JourneyStage.Onboard, Severity.Low, "onboarding", null, Mei),
        new("Finance wants an annual price for 80 viewers and nobody here can give it without a sales call.",
            "Pied Piper", "buyer", "email", SignalKind.Pain, JourneyStage.Buy, Severity.Medium, "confusing-pricing", null, Priya),
        new("Export to Excel times out for the full-year view.",
            "Cyberdyne Labs", "user", "ticket", SignalKind.Pain, JourneyStage.Use, Severity.Medium, "export-timeouts", Ticket + "T-2166", Tom),
        new("Loading the store-by-store view freezes the browser tab on older machines.",
            "Wayne Retail", "user", "ticket", SignalKind.Pain, JourneyStage.Use, Severity.High, "slow-dashboard", Ticket + "T-2171", Tom),
        new("Could you show the price per seat on the upgrade screen, before we click upgrade?",
            "Massive Dynamic", "admin", "chat", SignalKind.Request, JourneyStage.Buy, Severity.Low, "confusing-pricing", null, Jonas),
        new("Our trial expired before we had finished importing historical data.",
            "Soylent Foods", "prospect", "call", SignalKind.Pain, JourneyStage.Evaluate, Severity.High, "onboarding", Recording + "4790", Priya),
        new("Dashboards are slow over the VPN our warehouse team uses.",
            "Vandelay Imports", "admin", "email", SignalKind.Pain, JourneyStage.Use, Severity.Medium, "slow-dashboard", null, Jonas),
        new("The overage charges came as a surprise; nothing in the app warned us.",
            "Vandelay Imports", "buyer", "ticket", SignalKind.Pain, JourneyStage.Renew, Severity.High, "confusing-pricing", Ticket + "T-2189", Tom),
    ];

    public static int Count => ThisWeek.Length + LastWeek.Length;

    /// <summary>Adds the quotes not yet in the workspace: each has a fixed id per workspace, so loading twice adds nothing.</summary>
    public async Task<View> LoadAsync(Workspace workspace, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var window = Period.ThisWeek.Resolve(now, Zones.For(workspace.TimeZone), workspace.WeekStart);
        var signals = Spread(workspace.Id, ThisWeek, window.Current, 0)
            .Concat(Spread(workspace.Id, LastWeek, window.Previous, ThisWeek.Length));

        var added = 0;
        foreach (var signal in signals)
        {
            if (await store.GetSignalAsync(workspace.Id, signal.Id, ct) is null)
            {
                await store.AddSignalAsync(workspace.Id, signal, ct);
                // Its vector within seconds, so suggestions learn from the demo's themes at once (else the backfill).
                vectors?.TryQueue(new PendingVector(workspace.Id, signal.Id, signal.Quote));
                added++;
            }
        }

        logger.LogInformation("Loaded {Added} demo signals into workspace {WorkspaceId}", added, workspace.Id);
        return added == 0
            ? new NoticeView("The demo data is already here", $"All {Count} demo quotes are already in {workspace.Name}, so nothing was added.")
            : new NoticeView("Demo data loaded",
                $"Added {added} quotes about Beacon, a B2B reporting product, from this week and last week. " +
                "Try \"top this week\", \"trends\" or \"search export\".");
    }

    /// <summary>Evenly over the range, in list order, so the newest quote is the last one listed.</summary>
    private static IEnumerable<Signal> Spread(WorkspaceId workspace, DemoQuote[] quotes, DateRange range, int firstNumber) =>
        quotes.Select((q, i) =>
        {
            var saidAt = range.Start + range.Length * ((i + 0.5) / quotes.Length);
            return new Signal(
                IdOf(workspace, firstNumber + i), workspace, q.Quote, q.Customer, q.Segment, q.Source, q.Kind, q.Stage,
                q.Theme is null ? [] : [q.Theme], q.Severity, q.Evidence, q.By, "demo", saidAt, saidAt, null);
        });

    private static Guid IdOf(WorkspaceId workspace, int number) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"demo:{workspace}:{number}")).AsSpan(0, 16));

    private sealed record DemoQuote(
        string Quote, string Customer, string Segment, string Source, SignalKind Kind, JourneyStage Stage,
        Severity Severity, string? Theme, string? Evidence, ChatUser By);
}
