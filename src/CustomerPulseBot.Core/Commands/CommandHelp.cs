using CustomerPulseBot.Core.Views;

namespace CustomerPulseBot.Core.Commands;

/// <summary>
/// The help catalogue: one entry per command form. Every example must parse back to its command
/// (a convention test checks it), so help can never teach words the parser refuses.
/// </summary>
public static class CommandHelp
{
    public static readonly IReadOnlyList<HelpEntry> Entries =
    [
        new("<quote> [customer:…] [segment:…] [source:…] [kind:…] [#theme] [link]",
            "captures what a customer said, verbatim",
            "Exporting the Q3 report timed out twice customer:Acme segment:buyer source:call #export-timeouts"),
        new("(nothing)", "opens the capture form", ""),
        new("top [period] [segment:…] [#theme]", "top pain points, ranked, with the quotes behind them", "top last week segment:enterprise"),
        new("trends [period]", "new, rising and falling themes against the previous period", "trends this month"),
        new("search <words> [period]", "finds quotes", "search export timeout"),
        new("themes", "lists themes with their recent signal counts", "themes"),
        new("theme merge <from> <into>", "folds one theme into another", "theme merge slow-dash slow-dashboard"),
        new("theme ship <theme> [note]", "marks a theme shipped, to check its signal drops", "theme ship export-timeouts streaming exports"),
        new("digest daily 09:00 [zone] · weekdays · weekly mon 09:00 · off · now · status", "this channel's digest schedule", "digest daily 09:00 Europe/Berlin"),
        new("a question in plain words", "answered as top or trends", "what are this week's top customer pain points?"),
        new("help [topic]", "this list, or one topic", "help top"),
    ];

    /// <summary>All entries, or those whose usage starts with the topic ("help theme" shows both theme entries).</summary>
    public static IReadOnlyList<HelpEntry> For(string? topic)
    {
        if (string.IsNullOrWhiteSpace(topic))
        {
            return Entries;
        }

        var matching = Entries.Where(e => e.Usage.StartsWith(topic.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        return matching.Count > 0 ? matching : Entries;
    }
}
