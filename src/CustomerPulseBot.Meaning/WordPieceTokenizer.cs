using System.Buffers;
using System.Globalization;
using System.Text;

namespace CustomerPulseBot.Meaning;

/// <summary>
/// BERT's uncased tokenizer (google-research/bert tokenization.py, as Hugging Face's BertTokenizer runs it): drop control
/// characters, split on whitespace, punctuation and around CJK ideographs, lower-case and strip accents, then cut each
/// word greedily into the longest pieces in the vocabulary ("##" marks a piece that continues a word). A word with no
/// such cut, or longer than 100 characters, becomes [UNK]; short words are cut like any other. Stateless once built.
/// On the dev sets' 25,753 quotes it gives the reference's ids exactly; the one difference known is Python's final-sigma
/// rule (a word-final capital Σ lower-cases to ς there, σ here).
/// </summary>
internal sealed class WordPieceTokenizer
{
    /// <summary>The model's sequences, [CLS] and [SEP] included: sentence-transformers truncates MiniLM at 256.</summary>
    public const int MaxTokens = 256;

    private const int MaxWordLength = 100;
    private const string Continuation = "##";

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> starts;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> continuations;
    private readonly Dictionary<int, string> accents;
    private readonly int longestPiece;

    public WordPieceTokenizer(IReadOnlyList<string> vocabulary)
    {
        var whole = new Dictionary<string, int>(vocabulary.Count, StringComparer.Ordinal);
        var rest = new Dictionary<string, int>(vocabulary.Count / 4, StringComparer.Ordinal);
        for (var id = 0; id < vocabulary.Count; id++)
        {
            var token = vocabulary[id];
            if (token.StartsWith(Continuation, StringComparison.Ordinal) && token.Length > Continuation.Length)
            {
                rest.TryAdd(token[Continuation.Length..], id);
            }
            else
            {
                whole.TryAdd(token, id);
            }

            longestPiece = Math.Max(longestPiece, token.Length);
        }

        starts = whole.GetAlternateLookup<ReadOnlySpan<char>>();
        continuations = rest.GetAlternateLookup<ReadOnlySpan<char>>();
        accents = ReadAccents();
        Cls = Special(whole, "[CLS]");
        Sep = Special(whole, "[SEP]");
        Unk = Special(whole, "[UNK]");
        Pad = Special(whole, "[PAD]");
    }

    public int Cls { get; }
    public int Sep { get; }
    public int Unk { get; }
    public int Pad { get; }

    /// <summary>The token ids of <paramref name="text"/>: [CLS], at most 254 pieces, [SEP].</summary>
    public int[] Tokenize(string text)
    {
        var ids = new List<int>(Math.Min(MaxTokens, text.Length / 3 + 8)) { Cls };
        var word = ArrayPool<char>.Shared.Rent(2 * MaxWordLength + 8);
        try
        {
            var length = 0;
            var wordRunes = 0;
            Span<Rune> plain = stackalloc Rune[3];
            foreach (var rune in text.EnumerateRunes())
            {
                if (ids.Count >= MaxTokens - 1)
                {
                    break;
                }

                if (IsWhitespace(rune))
                {
                    EndWord(ids, word, ref length, ref wordRunes);
                }
                else if (IsControl(rune))
                {
                    continue;
                }
                else if (IsCjk(rune))
                {
                    EndWord(ids, word, ref length, ref wordRunes);
                    foreach (var ideograph in plain[..Plain(rune, plain)])
                    {
                        Append(word, ref length, ref wordRunes, ideograph);
                    }

                    EndWord(ids, word, ref length, ref wordRunes);
                }
                else
                {
                    foreach (var letter in plain[..Plain(rune, plain)])
                    {
                        if (IsPunctuation(letter))
                        {
                            EndWord(ids, word, ref length, ref wordRunes);
                            Append(word, ref length, ref wordRunes, letter);
                            EndWord(ids, word, ref length, ref wordRunes);
                        }
                        else if (Rune.GetUnicodeCategory(letter) != UnicodeCategory.NonSpacingMark)
                        {
                            Append(word, ref length, ref wordRunes, letter);
                        }
                    }
                }
            }

            EndWord(ids, word, ref length, ref wordRunes);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(word);
        }

        if (ids.Count > MaxTokens - 1)
        {
            ids.RemoveRange(MaxTokens - 1, ids.Count - (MaxTokens - 1));
        }

        ids.Add(Sep);
        return [.. ids];
    }

    private static Dictionary<int, string> ReadAccents()
    {
        using var stream = typeof(WordPieceTokenizer).Assembly.GetManifestResourceStream("CustomerPulseBot.Meaning.accents.txt")
            ?? throw new InvalidDataException("accents.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var accents = new Dictionary<int, string>(2100);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var points = line.Split(' ').Select(hex => int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
            accents[points[0]] = string.Concat(points.Skip(1).Select(point => char.ConvertFromUtf32(point)));
        }

        return accents;
    }

    private static int Special(Dictionary<string, int> vocabulary, string token) =>
        vocabulary.TryGetValue(token, out var id) ? id : throw new InvalidDataException($"The vocabulary has no {token}.");

    /// <summary>
    /// Appends up to the 101st character of a word: beyond 100 it is [UNK] whatever follows, so the rest is only counted.
    /// </summary>
    private static void Append(char[] word, ref int length, ref int wordRunes, Rune rune)
    {
        wordRunes++;
        if (wordRunes <= MaxWordLength + 1)
        {
            length += rune.EncodeToUtf16(word.AsSpan(length));
        }
    }

    private void EndWord(List<int> ids, char[] buffer, ref int length, ref int wordRunes)
    {
        if (wordRunes == 0)
        {
            return;
        }

        if (wordRunes > MaxWordLength)
        {
            ids.Add(Unk);
        }
        else
        {
            AddPieces(ids, buffer.AsSpan(0, length));
        }

        length = 0;
        wordRunes = 0;
    }

    private void AddPieces(List<int> ids, ReadOnlySpan<char> word)
    {
        var first = ids.Count;
        var start = 0;
        while (start < word.Length)
        {
            var lookup = start == 0 ? starts : continuations;
            var found = -1;
            for (var end = Math.Min(word.Length, start + longestPiece); end > start; end--)
            {
                if (lookup.TryGetValue(word[start..end], out var id))
                {
                    found = id;
                    start = end;
                    break;
                }
            }

            if (found < 0)
            {
                ids.RemoveRange(first, ids.Count - first);
                ids.Add(Unk);
                return;
            }

            ids.Add(found);
        }
    }

    /// <summary>
    /// Writes the rune lower-cased, in NFD, without its non-spacing marks (see Resources/accents.py) into
    /// <paramref name="into"/>: one to three runes, or none for a mark on its own. Returns how many.
    /// </summary>
    private int Plain(Rune rune, Span<Rune> into)
    {
        rune = Rune.ToLowerInvariant(rune);

        // Hangul syllables decompose by formula (The Unicode Standard, section 3.12) into two or three jamo.
        const int syllables = 0xAC00, count = 11172, vowels = 21, trailing = 28;
        var index = rune.Value - syllables;
        if (index is >= 0 and < count)
        {
            into[0] = new Rune(0x1100 + index / (vowels * trailing));
            into[1] = new Rune(0x1161 + index % (vowels * trailing) / trailing);
            into[2] = new Rune(0x11A7 + index % trailing);
            return index % trailing == 0 ? 2 : 3;
        }

        if (rune.Value < 0xC0 || !accents.TryGetValue(rune.Value, out var plain))
        {
            into[0] = rune;
            return 1;
        }

        var written = 0;
        foreach (var part in plain.EnumerateRunes())
        {
            into[written++] = Rune.ToLowerInvariant(part);
        }

        return written;
    }

    /// <summary>BERT's whitespace, and the line and paragraph separators where its Python str.split() also splits.</summary>
    private static bool IsWhitespace(Rune rune) =>
        rune.Value is ' ' or '\t' or '\n' or '\r' || Rune.GetUnicodeCategory(rune) is UnicodeCategory.SpaceSeparator
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>BERT drops NUL, U+FFFD and every "C" category (control, format, unassigned, private, surrogate).</summary>
    private static bool IsControl(Rune rune) =>
        rune.Value is 0 or 0xFFFD || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate;

    /// <summary>BERT counts all non-alphanumeric ASCII as punctuation ($, ^, `), and every "P" category beyond it.</summary>
    private static bool IsPunctuation(Rune rune) =>
        rune.Value is >= 33 and <= 47 or >= 58 and <= 64 or >= 91 and <= 96 or >= 123 and <= 126
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;

    /// <summary>The CJK Unified Ideographs blocks BERT splits around (not Hiragana, Katakana or Hangul).</summary>
    private static bool IsCjk(Rune rune) => rune.Value is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF
        or >= 0x20000 and <= 0x2A6DF or >= 0x2A700 and <= 0x2B73F or >= 0x2B740 and <= 0x2B81F
        or >= 0x2B820 and <= 0x2CEAF or >= 0xF900 and <= 0xFAFF or >= 0x2F800 and <= 0x2FA1F;
}
