using System.Text.RegularExpressions;
using CustomerPulseBot.Teams.AdaptiveCards;

namespace CustomerPulseBot.Teams;

// The one way text from a view (quotes, names, what someone typed, messages that repeat it) enters a card.
// Such text goes into a TextRun, never into a TextBlock, a Fact or an input's error message:
// those are Markdown in Teams and in the adaptivecards library (when a Markdown processor is present),
// while a TextRun is plain text on every host ("RichTextBlock does not support markdown", Adaptive Cards
// text features). Escaping Markdown with backslashes instead would depend on each host's Markdown dialect:
// the subset differs between Teams desktop, mobile and the JavaScript renderer, and a host that does not
// honour an escape shows the backslashes. So **bold** [click](https://evil), list starts, #,
// and <at>Everyone</at> (which mentions nobody without a matching msteams entity, and
// we send none) all show as typed. One thing remains that hosts rewrite even in a TextRun: the
// {{DATE(…)}} and {{TIME(…)}} functions, which the JavaScript renderer expands in every
// text; an invisible word joiner between any two braces keeps them literal.
internal static partial class CardText
{
    public static TextRun Run(string text) => new(BraceBeforeBrace().Replace(text, "{\u2060"));

    // The first length characters and an ellipsis when the text is longer; never splits a surrogate pair.
    public static string Shorten(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var cut = length > 0 && char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return text[..cut] + "…";
    }

    [GeneratedRegex(@"\{(?=\{)")]
    private static partial Regex BraceBeforeBrace();
}
