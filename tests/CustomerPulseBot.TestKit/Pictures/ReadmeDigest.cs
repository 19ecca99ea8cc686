using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.TestKit.Pictures;

/// <summary>The Monday morning digest the README shows, the same on Slack and on Teams.</summary>
public static class ReadmeDigest
{
    private static readonly WorkspaceId Workspace = WorkspaceId.New();
    private static readonly DateTimeOffset Friday = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    public static DigestView View { get; } = new(
        "since Fri 20 Nov, 09:00 Europe/Berlin",
        new DateOnly(2026, 11, 20),
        QueryFilters.None,
        [
            Quote("If the invoice export fails again before our board meeting, we will have to look at other vendors.",
                "Harbor & Finch Legal", "buyer", "email", SignalKind.Pain, Severity.Critical, "export-timeouts", "Priya Nair", "https://acme-crm.example/tickets/T-4821"),
            Quote("Month-end close is blocked: the NetSuite export timed out three times this morning.",
                "Northwind Logistics", "enterprise", "call", SignalKind.Pain, Severity.High, "export-timeouts", "Marcus Lee", "https://calls.example/rec/8841?t=312"),
            Quote("Our auditors need to see who changed a pricing rule. Today we screenshot the page.",
                "Brightpath Health", "buyer", "interview", SignalKind.Request, Severity.High, "audit-log", "Dana Kowalski", "https://research.example/notes/112"),
            Quote("SSO with Okta took our IT team two days; the SCIM step is missing from your docs.",
                "Kestrel Analytics", "admin", "ticket", SignalKind.Pain, Severity.Medium, "sso-setup", "Tom Becker", "https://acme-crm.example/tickets/T-4790"),
            Quote("The new bulk edit saved my team a whole afternoon of copy and paste.",
                "Lumen Retail", "user", "chat", SignalKind.Praise, Severity.Low, null, "Aisha Okafor", null),
        ],
        9,
        [new("audit-log", 4, 0, 3, 0)],
        [new("export-timeouts", 14, 6, 5, 3), new("sso-setup", 5, 2, 4, 2)],
        [new("slow-dashboard", 3, 9, 2, 6)],
        [new("checkout-errors", new DateOnly(2026, 11, 3), 14, 14, 3)]);

    private static Signal Quote(
        string quote, string customer, string segment, string source, SignalKind kind, Severity severity, string? theme, string capturedBy, string? evidence) =>
        new(Guid.CreateVersion7(Friday), Workspace, quote, customer, segment, source, kind, JourneyStage.Use, theme is null ? [] : [theme],
            severity, evidence, new ChatUser(capturedBy.ToLowerInvariant().Replace(' ', '.'), capturedBy), "C0PULSE", Friday, Friday.AddHours(3), null);
}
