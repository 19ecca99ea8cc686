namespace CustomerPulseBot.Core.Meaning;

/// <summary>
/// Full-text and meaning results as one list, by reciprocal-rank fusion (each list gives 1 / (60 + rank)): a quote both
/// find comes first, then each list's best in turn. On a tie, full text comes first: its words were typed.
/// </summary>
public static class SearchBlend
{
    /// <summary>The constant of Cormack et al. (2009): ranks lower in a list weigh less, but not much less.</summary>
    private const double RankOffset = 60;

    public static IReadOnlyList<Guid> Fuse(IReadOnlyList<Guid> fullText, IReadOnlyList<Guid> byMeaning, int limit)
    {
        var scores = new Dictionary<Guid, (double Score, int FullText, int Meaning)>();
        for (var i = 0; i < fullText.Count; i++)
        {
            scores.TryAdd(fullText[i], (1 / (RankOffset + i), i, int.MaxValue));
        }

        for (var i = 0; i < byMeaning.Count; i++)
        {
            var (score, text, meaning) = scores.GetValueOrDefault(byMeaning[i], (0, int.MaxValue, int.MaxValue));
            if (meaning == int.MaxValue)
            {
                scores[byMeaning[i]] = (score + 1 / (RankOffset + i), text, i);
            }
        }

        return scores
            .OrderByDescending(p => p.Value.Score)
            .ThenBy(p => p.Value.FullText)
            .ThenBy(p => p.Value.Meaning)
            .Take(limit)
            .Select(p => p.Key)
            .ToList();
    }
}
