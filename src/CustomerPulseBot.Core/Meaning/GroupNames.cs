using CustomerPulseBot.Core.Themes;

namespace CustomerPulseBot.Core.Meaning;

/// <summary>
/// Names groups of quotes from their words: the words (and pairs of adjacent words) most of a group's quotes use and
/// few of the others do (a class-based TF-IDF), as a valid theme name no other group and no taken name has.
/// </summary>
internal static class GroupNames
{
    private const string Fallback = "new-theme";

    public static string[] Propose(IReadOnlyList<int[]> groups, IReadOnlyList<string> texts, IReadOnlySet<string> takenNames)
    {
        var terms = texts.Select(Terms).ToArray();
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in terms.SelectMany(t => t))
        {
            documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
        }

        var used = new HashSet<string>(takenNames, StringComparer.Ordinal);
        var names = new string[groups.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            var ranked = Rank(groups[g], terms, documentFrequency, texts.Count);
            names[g] = Unique(Candidates(ranked), used);
            used.Add(names[g]);
        }

        return names;
    }

    // The group's terms, best first: the share of its quotes using the term, times how rare the term is overall.
    private static List<string> Rank(int[] members, HashSet<string>[] terms, Dictionary<string, int> documentFrequency, int total)
    {
        var count = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in members.SelectMany(i => terms[i]))
        {
            count[term] = count.GetValueOrDefault(term) + 1;
        }

        return count
            .Select(p => (Term: p.Key, Score: (double)p.Value / members.Length * Math.Log(1 + (double)total / documentFrequency[p.Key])
                * (p.Key.Contains(' ') ? BigramBonus : 1)))
            .Where(p => p.Score > 0)
            .OrderByDescending(p => p.Score)
            .ThenBy(p => p.Term, StringComparer.Ordinal)
            .Select(p => p.Term)
            .ToList();
    }

    private const double BigramBonus = 1.5;

    // Names to try in order: the best bigram, or the two best words; then longer ones.
    private static IEnumerable<string> Candidates(List<string> ranked)
    {
        var words = ranked.Where(t => !t.Contains(' ')).ToList();
        if (ranked.Count > 0 && ranked[0].Contains(' '))
        {
            yield return ranked[0];
        }

        if (words.Count >= 2)
        {
            yield return $"{words[0]} {words[1]}";
        }

        if (words.Count >= 1)
        {
            yield return words[0];
        }

        if (words.Count >= 3)
        {
            yield return $"{words[0]} {words[1]} {words[2]}";
        }
    }

    private static string Unique(IEnumerable<string> candidates, HashSet<string> used)
    {
        var valid = candidates
            .Select(c => ThemeName.Normalise(c.Length > ThemeName.MaxLength ? c[..ThemeName.MaxLength] : c))
            .OfType<string>()
            .ToList();
        foreach (var name in valid.Where(n => !used.Contains(n)))
        {
            return name;
        }

        var stem = valid.FirstOrDefault() ?? Fallback;
        for (var i = 2; ; i++)
        {
            var suffix = $"-{i}";
            var name = ThemeName.Normalise(stem[..Math.Min(stem.Length, ThemeName.MaxLength - suffix.Length)] + suffix)!;
            if (!used.Contains(name))
            {
                return name;
            }
        }
    }

    /// <summary>The words of a text that carry meaning (no stop words), and the pairs of them side by side.</summary>
    internal static HashSet<string> Terms(string text)
    {
        var words = Words(text);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] is { } word)
            {
                terms.Add(word);
                if (i + 1 < words.Count && words[i + 1] is { } nextWord)
                {
                    terms.Add($"{word} {nextWord}");
                }
            }
        }

        return terms;
    }

    /// <summary>The lower-case words of a text, with null in place of each stop word, number or single letter.</summary>
    internal static List<string?> Words(string text)
    {
        var words = new List<string?>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] == '\'' && start >= 0));
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                var word = text[start..i].TrimEnd('\'').ToLowerInvariant();
                if (word.EndsWith("'s", StringComparison.Ordinal))
                {
                    word = word[..^2];
                }

                words.Add(word.Length < 2 || StopWords.Contains(word) || word.All(char.IsDigit) || word.Contains('\'') ? null : word);
                start = -1;
            }
        }

        return words;
    }

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "anyone", "anything",
        "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
        "could", "did", "do", "does", "doing", "done", "down", "during", "each", "else", "even", "ever", "every", "few",
        "for", "from", "further", "get", "gets", "getting", "go", "going", "got", "had", "has", "have", "having", "he",
        "her", "here", "hers", "herself", "hi", "hello", "him", "himself", "his", "how", "however", "i", "if", "in",
        "into", "is", "it", "its", "itself", "just", "know", "let", "like", "ll", "me", "might", "more", "most", "much",
        "must", "my", "myself", "need", "needs", "no", "nor", "not", "now", "of", "off", "ok", "okay", "on", "once",
        "one", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "please", "pls", "really",
        "same", "see", "she", "should", "so", "some", "someone", "something", "still", "such", "sure", "tell", "than",
        "thank", "thanks", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they",
        "thing", "things", "this", "those", "through", "to", "too", "under", "until", "up", "us", "use", "very", "via",
        "want", "wants", "was", "way", "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom",
        "why", "will", "with", "within", "would", "yes", "yet", "you", "your", "yours", "yourself", "yourselves", "im",
        "ive", "dont", "cant", "doesnt", "didnt", "isnt", "wont", "whats", "hey", "able", "around", "since", "new", "make",
    };
}
