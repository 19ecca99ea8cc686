using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Bench;

/// <summary>
/// Realistic-looking signals for one workspace, spread over the last 90 days: about 40 themes of very
/// different popularity, about 10% untagged, a few thousand customers (some typed in other cases), every
/// segment, kind and severity, and quotes of a few hundred distinct words. Seeded per workspace, so a run is
/// repeatable.
/// </summary>
internal sealed class BenchSignals(WorkspaceId workspace, int seed, DateTimeOffset now)
{
    public const int Days = 90;

    public static readonly IReadOnlyList<string> Themes =
    [
        "export-timeouts", "slow-dashboard", "sso-setup", "onboarding", "confusing-pricing", "alerts", "sharing",
        "mobile-logout", "scim-provisioning", "csv-import", "pdf-rendering", "scheduled-reports", "api-rate-limits",
        "permissions", "audit-log", "data-retention", "timezone-bugs", "email-digests", "search-relevance",
        "filter-reset", "chart-colours", "excel-formatting", "slack-integration", "teams-integration", "webhooks",
        "billing-invoices", "seat-management", "trial-limits", "warehouse-sync", "fiscal-calendar", "custom-fields",
        "dark-mode", "accessibility", "localisation", "offline-mode", "two-factor", "password-reset", "gdpr-export",
        "sandbox-environments", "release-notes",
    ];

    // Quotes are put together from these parts, so a workspace holds a few hundred distinct words with the
    // skew of real feedback: a two-word search ("export failing") matches a fraction of a percent, as it would.
    private static readonly string[] Openings =
    [
        "Every Monday the", "Our finance team says the", "Honestly, the", "We keep hearing that the", "The new",
        "Since the last update the", "Our admins complain the", "Three people asked why the", "In the demo the",
        "Procurement flagged that the", "On the renewal call they said the", "Their ops lead told us the",
        "During onboarding the", "Our analysts noticed the", "According to the support ticket the", "Once again the",
        "For the third week running the", "Their CTO mentioned the", "Half of our regional managers think the",
        "After the migration the", "Whenever we travel the", "Our interns struggle because the", "Frankly the",
        "Most mornings the", "Right before board meetings the",
    ];

    private static readonly string[] Subjects =
    [
        "export", "dashboard", "SSO setup", "report", "import", "invoice", "alert", "search", "permission screen",
        "mobile app", "integration", "chart", "API", "onboarding checklist", "pricing page", "CSV download",
        "scheduled report", "audit log", "billing portal", "SAML login", "user provisioning", "webhook", "filter panel",
        "PDF export", "Excel export", "calendar sync", "notification email", "admin console", "data warehouse sync",
        "forecast view", "approval workflow", "comment thread", "sharing link", "password reset", "two-factor prompt",
        "seat count", "trial banner", "translation", "dark theme", "keyboard shortcut", "sandbox", "release note",
        "usage quota", "custom field", "timeline view",
    ];

    private static readonly string[] Problems =
    [
        "times out after ten minutes", "takes forty seconds to load", "fails without an error", "shows the wrong totals",
        "logs everyone out", "ignores our time zone", "is impossible to find", "needs a workaround every week",
        "breaks for files over 50,000 rows", "doubles our bill", "was great, thank you", "could email us when it is done",
        "keeps failing overnight", "crashes on older iPads", "loses our filters", "rounds currency incorrectly",
        "duplicates every record", "hangs at ninety percent", "drops the last column", "sends three copies",
        "spins forever", "refuses large attachments", "mixes up our departments", "forgets the saved layout",
        "charges us twice", "is painfully slow on Fridays", "blocks contractors", "hides the cancel button",
        "renders blank pages", "stops syncing after midnight", "truncates long names", "mislabels the axis",
        "confuses new hires", "asks for the password twice", "returns stale numbers", "corrupts accented characters",
        "jumps back to the top", "is missing from the menu", "works only in Chrome", "reset our permissions",
        "throttles our nightly jobs", "lacks an undo", "expires too quickly", "exports garbled dates", "feels clunky",
    ];

    private static readonly string[] Contexts =
    [
        "", "", "", "", " when we share it with the board", " for our EU subsidiary", " on Safari", " during quarter close",
        " for accounts with many projects", " when two people edit at once", " behind the corporate proxy",
        " for anyone outside headquarters", " right after a deploy", " on slow hotel wifi", " for the audit team",
        " with the new currency settings", " in the Android app", " for read-only guests", " on the shared laptop",
        " in the weekly leadership review", " at the end of every month", " for customers in Japan",
    ];

    private static readonly string[] Endings =
    [
        "", "", " We end up doing it by hand.", " That is a renewal risk.", " Support had to step in.",
        " The CFO noticed.", " It cost us a morning.", " Can you fix it before the quarter closes?",
        " Competitors handle this better.", " We are evaluating alternatives.", " Our champion is frustrated.",
        " Legal wants an explanation.", " This blocks the rollout to sales.", " Please prioritise it.",
        " It is embarrassing in front of clients.",
    ];

    private static readonly string[] CompanyWords =
    [
        "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell", "Cyberdyne", "Soylent",
        "Vandelay", "Wonka", "Pied Piper", "Massive", "Aperture", "Oscorp", "Gringotts", "Monarch", "Nakatomi", "Virtucon",
    ];

    private static readonly string[] CompanyKinds =
    [
        "Logistics", "Health", "Retail", "Freight", "Labs", "Foods", "Imports", "Industries", "Dynamics", "Bank",
        "Media", "Energy", "Insurance", "Travel", "Software",
    ];

    private static readonly ChatUser[] Capturers = Enumerable.Range(1, 25)
        .Select(i => new ChatUser($"U{i:000}", $"Capturer {i}")).ToArray();

    private readonly Random random = new(seed);

    /// <summary>One signal naming each theme, so every theme exists before bulk rows point at it.</summary>
    public IEnumerable<Signal> ThemeSeeds() => Themes.Select(theme => Next() with { Themes = [theme] });

    public Signal Next()
    {
        var kind = Pick((SignalKind.Pain, 45), (SignalKind.Request, 25), (SignalKind.Question, 15), (SignalKind.Praise, 15));
        var customer = random.NextDouble() < 0.15 ? null : Customer();
        var saidAt = now.AddMilliseconds(-random.NextInt64((long)TimeSpan.FromDays(Days).TotalMilliseconds));
        var quote = $"{Openings[random.Next(Openings.Length)]} {Subjects[random.Next(Subjects.Length)]} {Problems[random.Next(Problems.Length)]}" +
                    $"{Contexts[random.Next(Contexts.Length)]}.{Endings[random.Next(Endings.Length)]}";
        return new Signal(
            Guid.CreateVersion7(saidAt),
            workspace,
            quote,
            customer,
            SignalVocabulary.Segments[random.Next(SignalVocabulary.Segments.Count)],
            SignalVocabulary.Sources[random.Next(SignalVocabulary.Sources.Count)],
            kind,
            random.NextDouble() < 0.3 ? null : (JourneyStage)random.Next(7),
            ThemesOf(),
            Pick((Severity.Low, 25), (Severity.Medium, 40), (Severity.High, 25), (Severity.Critical, 10)),
            random.NextDouble() < 0.3 ? $"https://tickets.example.com/T-{random.Next(100_000)}" : null,
            Capturers[random.Next(Capturers.Length)],
            $"C{random.Next(40):000}",
            saidAt,
            saidAt.AddMinutes(random.Next(0, 600)),
            random.NextDouble() < 0.5 ? $"https://example.slack.com/archives/C001/p{saidAt.ToUnixTimeMilliseconds()}" : null);
    }

    private IReadOnlyList<string> ThemesOf()
    {
        var roll = random.NextDouble();
        if (roll < 0.10)
        {
            return [];
        }

        var first = PopularTheme();
        if (roll < 0.80)
        {
            return [first];
        }

        var second = PopularTheme();
        return second == first ? [first] : [first, second];
    }

    /// <summary>Skewed like real feedback: a handful of themes carry most signals, a long tail carries the rest.</summary>
    private string PopularTheme() => Themes[(int)(Themes.Count * Math.Pow(random.NextDouble(), 2.2))];

    private string Customer()
    {
        var name = $"{CompanyWords[random.Next(CompanyWords.Length)]} {CompanyKinds[random.Next(CompanyKinds.Length)]} {random.Next(8)}";
        // People type the same account in different ways; the ranking must count it once.
        return random.NextDouble() < 0.1 ? name.ToUpperInvariant() : name;
    }

    private T Pick<T>(params (T Value, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if (roll < weight)
            {
                return value;
            }

            roll -= weight;
        }

        return choices[^1].Value;
    }
}
