using System.Text;

namespace CustomerPulseBot.Storage;

/// <summary>
/// Words as both stores' full-text search sees them. A word is a run of letters and digits, lower-cased here
/// rather than in SQL (SQLite folds ASCII only); anything else separates words. Writing the indexed text as
/// those words alone, one space apart, means PostgreSQL's parser (which would read a URL or "my_report" as
/// special tokens) and SQLite's unicode61 tokenizer split it the same way, so both stores find the same signals.
/// </summary>
internal static class SearchText
{
    /// <summary>What a signal is found by: its quote and its customer's name.</summary>
    public static string Indexed(string quote, string? customer) =>
        string.Join(' ', Words(customer is null ? quote : $"{quote}\n{customer}"));

    /// <summary>
    /// The words a text filter asks for, each once; null when there is no text filter. Punctuation alone gives
    /// no words, which matches nothing: the person typed something, and it is in no quote.
    /// </summary>
    public static IReadOnlyList<string>? Query(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Words(text).Distinct().ToList();

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var rune in text.ToLowerInvariant().EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || Rune.IsNumber(rune))
            {
                word.Append(rune.ToString());
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
