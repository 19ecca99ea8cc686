namespace CustomerPulseBot.Core.Meaning;

/// <summary>
/// A group of quotes found together: their indexes in the input, a proposed theme name from their words
/// (a valid <see cref="Themes.ThemeName"/>), and the indexes of the quotes that show it best, best first.
/// </summary>
public sealed record DiscoveredGroup(IReadOnlyList<int> Members, string Name, IReadOnlyList<int> Representatives);

/// <summary>Groups quotes by meaning without being told how many groups there are.</summary>
public static class ThemeDiscovery
{
    // CONTRACT (issue 9): implemented by the algorithms helper; the signature is fixed.

    /// <summary>
    /// The groups among the quotes (<paramref name="texts"/>[i] has <paramref name="vectors"/>[i]), largest first;
    /// quotes that belong to no group are in none. <paramref name="takenNames"/> are names a proposal must not reuse.
    /// </summary>
    public static IReadOnlyList<DiscoveredGroup> Discover(
        IReadOnlyList<float[]> vectors, IReadOnlyList<string> texts, IReadOnlySet<string> takenNames)
    {
        var groups = new List<List<int>>();
        for (var i = 0; i < vectors.Count; i++)
        {
            var home = groups.FirstOrDefault(g => Vectors.Similarity(vectors[g[0]], vectors[i]) >= 0.5f);
            if (home is null)
            {
                groups.Add([i]);
            }
            else
            {
                home.Add(i);
            }
        }

        var taken = new HashSet<string>(takenNames);
        return groups.Where(g => g.Count >= 2).OrderByDescending(g => g.Count).Select(g =>
        {
            var word = g.SelectMany(i => texts[i].ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(w => new string(w.Where(char.IsAsciiLetterOrDigit).ToArray()))
                .Where(w => w.Length > 3)
                .GroupBy(w => w).OrderByDescending(w => w.Count()).ThenBy(w => w.Key).Select(w => w.Key).FirstOrDefault() ?? "group";
            var name = word;
            for (var n = 2; !taken.Add(name); n++)
            {
                name = $"{word}-{n}";
            }

            return new DiscoveredGroup(g, name, g.Take(2).ToList());
        }).ToList();
    }
}
