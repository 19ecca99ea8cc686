using CustomerPulseBot.Core.Views;

namespace CustomerPulseBot.Core.Commands;

/// <summary>
/// The help catalogue: one entry per command form. Every example must parse back to its command
/// (a convention test checks it), so help can never teach words the parser refuses.
/// </summary>
public static class CommandHelp
{
    public static readonly IReadOnlyList<CommandUsage> Usages =
    [
        new("capture", typeof(CaptureCommand), new(
            "<quote> [customer:…] [segment:…] [source:…] [kind:…] [stage:…] [severity:…] [said:<date>] [#theme …] [link]",
            "captures what a customer said, verbatim; put the quote in quotes if it starts with a command word",
            "Exporting the Q3 report timed out twice customer:Acme segment:buyer source:call #export-timeouts")),
        new("form", typeof(OpenCaptureFormCommand), new("(nothing)", "opens the capture form", "")),
        new("top", typeof(TopCommand), new(
            "top [N] [period] [segment:…] [#theme] [customer:…] [filters in words]",
            "top pain points, ranked, with the quotes behind them; N is how many (top 3)",
            "top last week segment:enterprise")),
        new("top", typeof(TopCommand), new(
            "top [period] by revenue",
            "ranks themes by the annual revenue (ARR) of the distinct customers behind them; any ranking shows that revenue where it is known",
            "top this month by revenue")),
        new("trends", typeof(TrendsCommand), new(
            "trends [period] [segment:…] [#theme] [customer:…]",
            "new, rising and falling themes against the previous period",
            "trends this month")),
        new("search", typeof(SearchCommand), new(
            "search <words> [period] [segment:…] [#theme] [customer:…]",
            "finds quotes",
            "search export timeout since 3 Nov")),
        new("periods", typeof(TopCommand), new(
            "periods: today · yesterday · this week (this wk) · last week · this month · last month · this quarter · last quarter · Q3 · Q3 2026 · last 30 days · past 2 weeks (14 days) · last 3 months (calendar months back from today) · since Monday · on Friday · last Friday · since 3 Nov · between 1 Nov and 15 Nov · March 2026 · recently (the last 14 days) · right now (the last 7 days)",
            "what top, trends, search and questions read as a period; without one, top and trends mean this week, search, counts and customers the last 90 days",
            "top between 1 Nov and 15 Nov")),
        new("themes", typeof(ThemesCommand), new("themes", "lists themes with their recent signal counts", "themes")),
        new("themes", typeof(ThemesNewCommand), new(
            "themes new [period]",
            "proposes themes among untagged quotes",
            "themes new this month")),
        new("theme", typeof(MergeThemesCommand), new(
            "theme merge <from> <into>",
            "folds one theme into another",
            "theme merge slow-dash into slow-dashboard")),
        new("theme", typeof(RenameThemeCommand), new(
            "theme rename <from> <to>",
            "renames a theme; the old name still finds it",
            "theme rename slow-dash to slow-dashboard")),
        new("theme", typeof(ShipThemeCommand), new(
            "theme ship <theme> [note]",
            "marks a theme shipped, to check its signal drops",
            "theme ship export-timeouts streaming exports in 4.2")),
        new("digest", typeof(DigestCommand), new(
            "digest daily|weekdays 09:00 [time zone] [segment:…] [#theme] [skip-empty]",
            "posts this channel's digest every day or every weekday (skip-empty: not on days with nothing new)",
            "digest daily 09:00 Europe/Berlin")),
        new("digest", typeof(DigestCommand), new(
            "digest weekly mon 09:00 [time zone] [segment:…] [#theme] [skip-empty]",
            "posts this channel's digest once a week; without a day, on the workspace's first day of the week",
            "digest weekly mon 8:30am")),
        new("digest", typeof(DigestCommand), new(
            "digest off · now · status",
            "stops this channel's digest, posts one now, or shows the schedule",
            "digest status")),
        new("brief", typeof(DigestCommand), new(
            "brief weekly mon 08:00 [time zone] [segment:…] [#theme] · brief off · now · status",
            "sends you a direct message with the past week's top pain points and what changed",
            "brief weekly mon 08:00")),
        new("questions", typeof(TopCommand), new(
            "a question in plain words asking for a ranking: top, biggest, worst, most common, fix first, focus on",
            "answered as top pain points; \"top 3\", \"#1\" or \"the five biggest\" say how many. A question is never stored as a quote",
            "what should we fix first for enterprise buyers this quarter?")),
        new("questions", typeof(TrendsCommand), new(
            "a question about what is new, rising, falling, got worse or better, or what changed",
            "answered as trends against the period before",
            "what's rising for admins since Monday?")),
        new("questions", typeof(SearchCommand), new(
            "a question about what customers said, heard or asked for",
            "answered with the quotes, narrowed by every filter it names",
            "what did we hear on sales calls last week?")),
        new("questions", typeof(CountCommand), new(
            "how many …",
            "counts signals and customers, split by theme and by customer",
            "how many customers mentioned SSO this month?")),
        new("questions", typeof(CustomersCommand), new(
            "which customers … · who …",
            "the customers behind a theme or words, with their counts and latest quote",
            "which customers are affected by slow dashboards?")),
        new("questions", typeof(ShippedCommand), new(
            "has … got better since we shipped? · did the fix for … work?",
            "a shipped theme's friction before and after its ship date",
            "has export timeouts got better since we shipped?")),
        new("questions", typeof(SummaryCommand), new(
            "summarize … · recap of …",
            "the digest for the period the question names",
            "give me a recap of last week")),
        new("questions", typeof(JourneyCommand), new(
            "where in the journey … · which stage …",
            "friction per journey stage, worst first, with one quote each",
            "where in the journey do admins get stuck?")),
        new("questions", typeof(TopCommand), new(
            "filters in words: enterprise buyers · admins · SMB · not internal · except partners · from Acme · Acme's · did Globex say · on sales calls · support tickets · demos · surveys · feature requests · praise · questions · critical · urgent · during onboarding · renewals · trials · about SSO",
            "narrow any question or top; other words say what it is about (a theme's name or words to search for)",
            "top complaints from enterprise buyers on support tickets, excluding internal, last 30 days")),
        new("undo", typeof(UndoCommand), new("undo", "removes your last capture in this workspace", "undo")),
        new("delete", typeof(DeleteSignalCommand), new(
            "delete <id>",
            "removes a signal you captured; the id is the one its confirmation shows",
            "delete 0193f2a1")),
        new("edit", typeof(EditSignalCommand), new(
            "edit <id>",
            "opens the capture form filled in with the signal, saved in place",
            "edit 0193f2a1")),
        new("customer", typeof(MergeCustomersCommand), new(
            "customer merge \"<from>\" <into> · customer merge <from> into <into>",
            "counts the first customer's signals under the second name from now on",
            "customer merge \"Acme Corp\" Acme")),
        new("customer", typeof(CustomerCommand), new(
            "customer <name> · customers",
            "one customer's plan, ARR, owner, other names, themes and newest quotes; customers lists them with their counts",
            "customer \"Acme Corp\"")),
        new("export", typeof(ExportCommand), new(
            "export <period> [#theme]",
            "a link to download the period's signals as CSV, in a direct message; it works once, for 15 minutes",
            "export this month #billing")),
        new("api-key", typeof(CreateApiKeyCommand), new(
            "api-key create [read|write] [name]",
            "admins: a key for the REST API, shown once, in a direct message; read keys read, write keys also add and delete",
            "api-key create write CRM sync")),
        new("api-key", typeof(ListApiKeysCommand), new("api-key list", "admins: the keys by name, scope and last four characters", "api-key list")),
        new("api-key", typeof(RevokeApiKeyCommand), new("api-key revoke <name>", "admins: the key stops working at once", "api-key revoke CRM sync")),
        new("forget", typeof(ForgetCustomerCommand), new(
            "forget customer:<name>",
            "admins: erases every signal of a customer for an erasure request, after asking to confirm",
            "forget customer:\"Acme Corp\"")),
        new("settings", typeof(SettingsCommand), new(
            "settings · settings timezone <zone> · settings week-start <day> · settings auto-tag on|off",
            "shows or sets the workspace's time zone (for anyone whose own is not known), the day its weeks start, and if confident suggestions tag by themselves",
            "settings timezone Europe/Berlin")),
        new("settings", typeof(SettingsCommand), new(
            "settings redact on|off",
            "admins: whether e-mails, phone and card numbers, IBANs and secrets in captures are masked before they are saved (on unless switched off)",
            "settings redact off")),
        new("admins", typeof(AdminsCommand), new("admins", "who may run admin commands here", "admins")),
        new("admins", typeof(AddAdminCommand), new("admins add @name", "makes someone an admin (admins only)", "admins add @Ana")),
        new("admins", typeof(RemoveAdminCommand), new("admins remove @name", "takes someone added off the list", "admins remove @Ana")),
        new("help", typeof(HelpCommand), new("help [topic]", "this list, or one topic", "help top")),
    ];

    public static readonly IReadOnlyList<HelpEntry> Entries = Usages.Select(u => u.Help).ToList();

    public static IReadOnlyList<string> Topics { get; } = Usages.Select(u => u.Topic).Distinct().ToList();

    /// <summary>The entries for a topic ("help theme" shows both theme entries), or all of them.</summary>
    public static IReadOnlyList<HelpEntry> For(string? topic)
    {
        var found = string.IsNullOrWhiteSpace(topic) ? [] : Find(topic);
        return found.Count > 0 ? found : Entries;
    }

    /// <summary>Entries whose topic is <paramref name="topic"/>, or whose usage starts with it ("theme merge").</summary>
    internal static IReadOnlyList<HelpEntry> Find(string topic)
    {
        var wanted = topic.Trim().ToLowerInvariant();
        var found = Matching(wanted);
        return found.Count > 0 || wanted.EndsWith('s') ? found : Matching(wanted + "s"); // "help question" finds "questions"
    }

    private static IReadOnlyList<HelpEntry> Matching(string wanted) =>
        Usages
            .Where(u => u.Topic == wanted || u.Help.Usage == wanted || u.Help.Usage.StartsWith(wanted + " ", StringComparison.Ordinal))
            .Select(u => u.Help)
            .ToList();

    /// <summary>The example of a topic's first entry (or first for that command): what a reply to misread words offers to copy.</summary>
    internal static string ExampleFor(string topic, Type? command = null) =>
        Usages.First(u => u.Topic == topic && (command is null || u.Command == command)).Help.Example;
}
