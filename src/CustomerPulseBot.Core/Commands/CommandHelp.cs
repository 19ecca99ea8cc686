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
            "top [period] [segment:…] [#theme] [customer:…]",
            "top pain points, ranked, with the quotes behind them",
            "top last week segment:enterprise")),
        new("trends", typeof(TrendsCommand), new(
            "trends [period] [segment:…] [#theme] [customer:…]",
            "new, rising and falling themes against the previous period",
            "trends this month")),
        new("search", typeof(SearchCommand), new(
            "search <words> [period] [segment:…] [#theme] [customer:…]",
            "finds quotes",
            "search export timeout since 3 Nov")),
        new("periods", typeof(TopCommand), new(
            "periods: today · yesterday · this week · last week · this month · last month · last 30 days · since 3 Nov · between 1 Nov and 15 Nov · March 2026",
            "what top, trends, search and questions read as a period; without one they mean this week",
            "top between 1 Nov and 15 Nov")),
        new("themes", typeof(ThemesCommand), new("themes", "lists themes with their recent signal counts", "themes")),
        new("theme", typeof(MergeThemesCommand), new(
            "theme merge <from> <into>",
            "folds one theme into another",
            "theme merge slow-dash into slow-dashboard")),
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
            "posts this channel's digest once a week",
            "digest weekly mon 8:30am")),
        new("digest", typeof(DigestCommand), new(
            "digest off · now · status",
            "stops this channel's digest, posts one now, or shows the schedule",
            "digest status")),
        new("brief", typeof(DigestCommand), new(
            "brief weekly mon 08:00 [time zone] [segment:…] [#theme] · brief off · now · status",
            "sends you a direct message with the past week's top pain points and what changed",
            "brief weekly mon 08:00")),
        new("question", typeof(TopCommand), new(
            "a question in plain words about pains",
            "answered as top pain points, with the period and segment it names",
            "what are this week's top customer pain points?")),
        new("question", typeof(TrendsCommand), new(
            "a question in plain words about what is rising or falling",
            "answered as trends, with the period and segment it names",
            "what's rising for enterprise buyers this month?")),
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
        return Usages
            .Where(u => u.Topic == wanted || u.Help.Usage == wanted || u.Help.Usage.StartsWith(wanted + " ", StringComparison.Ordinal))
            .Select(u => u.Help)
            .ToList();
    }

    /// <summary>The example of a topic's first entry (or first for that command): what a reply to misread words offers to copy.</summary>
    internal static string ExampleFor(string topic, Type? command = null) =>
        Usages.First(u => u.Topic == topic && (command is null || u.Command == command)).Help.Example;
}
