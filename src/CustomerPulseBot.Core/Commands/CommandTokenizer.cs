using CustomerPulseBot.Core.Trends;

namespace CustomerPulseBot.Core.Commands;

/// <summary>
/// Splits command text into words, <c>key:value</c> fields, <c>#themes</c> and links. Text in quotes is one
/// word, so a quoted passage is never read as fields or themes.
/// </summary>
internal static class CommandTokenizer
{
    public static readonly IReadOnlyList<string> FieldKeys = ["customer", "segment", "source", "kind", "stage", "severity", "said"];

    private const string QuoteMarks = "\"“”";
    private const string OuterPunctuation = "?!.,;:\"'()[]{}“”‘’*_`~";

    public static List<CommandToken> Tokenize(string text)
    {
        var tokens = new List<CommandToken>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var token = Link(text, i) ?? Theme(text, i) ?? Field(text, i) ?? Quoted(text, i) ?? Word(text, i);
            tokens.Add(token);
            i = token.End;
        }

        return tokens;
    }

    public static bool IsQuoteMark(char c) => QuoteMarks.Contains(c);

    /// <summary>The index of the quote mark closing one opened just before <paramref name="from"/>, or -1.</summary>
    public static int ClosingQuote(string text, int from) => text.IndexOfAny(QuoteMarks.ToCharArray(), from);

    public static string Normalise(string raw)
    {
        var word = raw.ToLowerInvariant().Replace('’', '\'').Replace('‘', '\'').Trim(OuterPunctuation.ToCharArray());
        return word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word;
    }

    /// <summary>A field key typed with nothing after the colon ("segment:"), which reads as a word.</summary>
    public static bool IsBareFieldKey(string raw) =>
        raw.EndsWith(':') && FieldKeys.Contains(raw[..^1].ToLowerInvariant());

    private static CommandToken? Link(string text, int i)
    {
        if (text[i] == '<' && StartsWithScheme(text, i + 1))
        {
            // Slack sends links as <https://…> or <https://…|label>.
            var close = text.IndexOf('>', i);
            if (close < 0)
            {
                return null;
            }

            var inside = text[(i + 1)..close];
            var bar = inside.IndexOf('|');
            var url = bar < 0 ? inside : inside[..bar];
            return url.Any(char.IsWhiteSpace)
                ? null
                : new CommandToken(TokenKind.Link, i, close + 1, text[i..(close + 1)], url, Label: bar < 0 ? null : inside[(bar + 1)..]);
        }

        if (!StartsWithScheme(text, i))
        {
            return null;
        }

        var link = text[i..WordEnd(text, i)];
        while (link.Length > 0 && (".,;:!?'\"”’".Contains(link[^1]) || (link[^1] == ')' && link.Count(c => c == '(') < link.Count(c => c == ')'))))
        {
            link = link[..^1];
        }

        return new CommandToken(TokenKind.Link, i, i + link.Length, link, link);
    }

    private static CommandToken? Theme(string text, int i)
    {
        // A theme starts a word with # and a letter: "C#" and "#1" stay words.
        if (text[i] != '#' || i + 1 >= text.Length || !char.IsLetter(text[i + 1]))
        {
            return null;
        }

        var end = i + 1;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '-' or '_' or '/' or '.'))
        {
            end++;
        }

        while (text[end - 1] is '.' or '/')
        {
            end--;
        }

        return new CommandToken(TokenKind.Theme, i, end, text[i..end], text[(i + 1)..end]);
    }

    private static CommandToken? Field(string text, int i)
    {
        var wordEnd = WordEnd(text, i);
        var colon = text.IndexOf(':', i, wordEnd - i);
        if (colon < 0 || colon + 1 >= wordEnd || !FieldKeys.Contains(text[i..colon].ToLowerInvariant()))
        {
            return null;
        }

        var key = text[i..colon].ToLowerInvariant();
        if (IsQuoteMark(text[colon + 1]))
        {
            var close = ClosingQuote(text, colon + 2);
            return close < 0
                ? new CommandToken(TokenKind.Field, i, wordEnd, text[i..wordEnd], text[(colon + 2)..wordEnd], key)
                : new CommandToken(TokenKind.Field, i, close + 1, text[i..(close + 1)], text[(colon + 2)..close], key);
        }

        var end = key == "said" ? DateEnd(text, colon + 1, wordEnd) : wordEnd;
        var value = text[(colon + 1)..end].TrimEnd('.', ',', ';', '!', '?');
        return new CommandToken(TokenKind.Field, i, end, text[i..end], value, key);
    }

    /// <summary>"said:3 Nov 2026" and "said:3 days ago" span words; take the next one or two when together they are shaped like a day.</summary>
    private static int DateEnd(string text, int valueStart, int firstEnd)
    {
        var ends = new List<int> { firstEnd };
        var words = new List<string> { text[valueStart..firstEnd] };
        var at = firstEnd;
        while (words.Count < 3)
        {
            while (at < text.Length && text[at] is ' ' or '\t')
            {
                at++;
            }

            if (at >= text.Length || char.IsWhiteSpace(text[at]))
            {
                break;
            }

            var end = WordEnd(text, at);
            words.Add(text[at..end]);
            ends.Add(end);
            at = end;
        }

        for (var take = words.Count; take >= 2; take--)
        {
            var run = words.Take(take).ToList();
            if (PeriodParser.LooksLikeDatePhrase(run) || SpokenDay.Span(run.Select(w => w.ToLowerInvariant().TrimEnd('.', ',', ';', '!', '?')).ToList()) == take)
            {
                return ends[take - 1];
            }
        }

        return firstEnd;
    }

    private static CommandToken? Quoted(string text, int i)
    {
        if (!IsQuoteMark(text[i]))
        {
            return null;
        }

        var close = ClosingQuote(text, i + 1);
        return close < 0 ? null : new CommandToken(TokenKind.Word, i, close + 1, text[i..(close + 1)], text[(i + 1)..close]);
    }

    private static CommandToken Word(string text, int i)
    {
        var end = WordEnd(text, i);
        return new CommandToken(TokenKind.Word, i, end, text[i..end], text[i..end]);
    }

    private static bool StartsWithScheme(string text, int i) =>
        i < text.Length
        && (text.AsSpan(i).StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || text.AsSpan(i).StartsWith("http://", StringComparison.OrdinalIgnoreCase));

    private static int WordEnd(string text, int i)
    {
        var end = i;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return end;
    }
}
