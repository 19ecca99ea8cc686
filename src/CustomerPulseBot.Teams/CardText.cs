using System.Text.RegularExpressions;
using CustomerPulseBot.Teams.AdaptiveCards;

namespace CustomerPulseBot.Teams;

/// <summary>
/// The one way text from a view (quotes, names, what someone typed, messages that repeat it) enters a card.
/// </summary>
/// <remarks>
/// Such text goes into a <see cref="TextRun"/>, never into a TextBlock, a Fact or an input's error message:
/// those are Markdown in Teams and in the adaptivecards library (when a Markdown processor is present),
/// while a TextRun is plain text on every host ("RichTextBlock does not support markdown", Adaptive Cards
/// text features). Escaping Markdown with backslashes instead would depend on each host's Markdown dialect:
/// the subset differs between Teams desktop, mobile and the JavaScript renderer, and a host that does not
/// honour an escape shows the backslashes. So <c>**bold** [click](https://evil)</c>, list starts, <c>#</c>,
/// and <c>&lt;at&gt;Everyone&lt;/at&gt;</c> (which mentions nobody without a matching msteams entity, and
/// we send none) all show as typed. One thing remains that hosts rewrite even in a TextRun: the
/// <c>{{DATE(…)}}</c> and <c>{{TIME(…)}}</c> functions, which the JavaScript renderer expands in every
/// text; an invisible word joiner between any two braces keeps them literal.
/// </remarks>
internal static partial class CardText
{
    public static TextRun Run(string text) => new(BraceBeforeBrace().Replace(text, "{\u2060"));

    /// <summary>The first <paramref name="length"/> characters and an ellipsis when the text is longer; never splits a surrogate pair.</summary>
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
