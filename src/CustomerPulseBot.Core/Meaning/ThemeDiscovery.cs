using System.Numerics.Tensors;

namespace CustomerPulseBot.Core.Meaning;

/// <summary>
/// A group of quotes found together: their indexes in the input, a proposed theme name from their words
/// (a valid <see cref="Themes.ThemeName"/>), and the indexes of the quotes that show it best, best first.
/// </summary>
public sealed record DiscoveredGroup(IReadOnlyList<int> Members, string Name, IReadOnlyList<int> Representatives);

/// <summary>Groups quotes by meaning without being told how many groups there are.</summary>
public static class ThemeDiscovery
{
    private const int RepresentativeCount = 3;

    /// <summary>
    /// The groups among the quotes (<paramref name="texts"/>[i] has <paramref name="vectors"/>[i]), largest first;
    /// quotes that belong to no group are in none. <paramref name="takenNames"/> are names a proposal must not reuse.
    /// </summary>
    public static IReadOnlyList<DiscoveredGroup> Discover(
        IReadOnlyList<float[]> vectors, IReadOnlyList<string> texts, IReadOnlySet<string> takenNames) =>
        Discover(vectors, texts, takenNames, DiscoveryOptions.Default);

    internal static IReadOnlyList<DiscoveredGroup> Discover(
        IReadOnlyList<float[]> vectors, IReadOnlyList<string> texts, IReadOnlySet<string> takenNames, DiscoveryOptions options)
    {
        if (vectors.Count != texts.Count)
        {
            throw new ArgumentException($"{vectors.Count} vectors for {texts.Count} texts.", nameof(texts));
        }

        var space = options.Centre ? Centred(vectors, options) : vectors;
        var clusters = AverageLinkage.Cut(space, options.MergeSimilarity);
        var groups = Settle(space, clusters, options);
        for (var i = 0; i < options.Refine; i++)
        {
            groups = Reassign(space, groups, options);
        }

        var names = GroupNames.Propose(groups, texts, takenNames);
        return groups
            .Select((members, g) => new DiscoveredGroup(members, names[g], Representatives(space, members)))
            .ToList();
    }

    // Keeps the clusters of at least MinSize quotes; a quote of a smaller one joins the kept group whose centroid is
    // closest when that is close enough, or stays out. Largest first, members in input order.
    private static List<int[]> Settle(IReadOnlyList<float[]> vectors, int[] cluster, DiscoveryOptions options)
    {
        var kept = cluster
            .Select((c, i) => (c, i))
            .GroupBy(p => p.c, p => p.i)
            .Where(g => g.Count() >= options.MinSize)
            .Select(g => g.ToList())
            .ToList();
        var inKept = new bool[vectors.Count];
        foreach (var i in kept.SelectMany(g => g))
        {
            inKept[i] = true;
        }

        var centroids = kept.Select(g => Centroid(vectors, g)).ToList();
        for (var i = 0; i < vectors.Count; i++)
        {
            if (inKept[i] || centroids.Count == 0)
            {
                continue;
            }

            var best = 0;
            var bestSim = float.MinValue;
            for (var g = 0; g < centroids.Count; g++)
            {
                var sim = TensorPrimitives.Dot(vectors[i], centroids[g]);
                if (sim > bestSim)
                {
                    (best, bestSim) = (g, sim);
                }
            }

            if (bestSim >= options.JoinSimilarity)
            {
                kept[best].Add(i);
            }
        }

        return kept
            .Select(g => g.Order().ToArray())
            .OrderByDescending(g => g.Length)
            .ThenBy(g => g[0])
            .ToList();
    }

    // The vectors less their mean, unit length again: what they share (all are about one product) stops hiding how
    // they differ. Not when they are so alike on average (the mean's squared length is their average similarity) that
    // they are one group already: then what is left is noise.
    private static IReadOnlyList<float[]> Centred(IReadOnlyList<float[]> vectors, DiscoveryOptions options)
    {
        if (vectors.Count == 0)
        {
            return vectors;
        }

        var mean = new float[vectors[0].Length];
        foreach (var vector in vectors)
        {
            TensorPrimitives.Add(mean, vector, mean);
        }

        TensorPrimitives.Divide(mean, vectors.Count, mean);
        if (TensorPrimitives.Dot(mean, mean) >= options.MergeSimilarity)
        {
            return vectors;
        }

        return vectors.Select(v =>
        {
            var centred = new float[v.Length];
            TensorPrimitives.Subtract(v, mean, centred);
            var norm = TensorPrimitives.Norm(centred);
            if (norm > 0)
            {
                TensorPrimitives.Divide(centred, norm, centred);
            }

            return centred;
        }).ToArray();
    }

    // One k-means step from the groups: every grouped quote moves to its nearest group centroid; emptied groups go.
    private static List<int[]> Reassign(IReadOnlyList<float[]> vectors, List<int[]> groups, DiscoveryOptions options)
    {
        var centroids = groups.Select(g => Centroid(vectors, g)).ToList();
        var moved = groups.Select(_ => new List<int>()).ToList();
        foreach (var i in groups.SelectMany(g => g))
        {
            var best = 0;
            var bestSim = float.MinValue;
            for (var g = 0; g < centroids.Count; g++)
            {
                var sim = TensorPrimitives.Dot(vectors[i], centroids[g]);
                if (sim > bestSim)
                {
                    (best, bestSim) = (g, sim);
                }
            }

            moved[best].Add(i);
        }

        return moved
            .Where(g => g.Count >= Math.Min(options.MinSize, 1))
            .Select(g => g.Order().ToArray())
            .OrderByDescending(g => g.Length)
            .ThenBy(g => g[0])
            .ToList();
    }

    private static float[] Centroid(IReadOnlyList<float[]> vectors, IReadOnlyList<int> members)
    {
        var centroid = new float[vectors[members[0]].Length];
        foreach (var i in members)
        {
            TensorPrimitives.Add(centroid, vectors[i], centroid);
        }

        var norm = TensorPrimitives.Norm(centroid);
        if (norm > 0)
        {
            TensorPrimitives.Divide(centroid, norm, centroid);
        }

        return centroid;
    }

    private static int[] Representatives(IReadOnlyList<float[]> vectors, int[] members)
    {
        var centroid = Centroid(vectors, members);
        return members
            .OrderByDescending(i => TensorPrimitives.Dot(vectors[i], centroid))
            .ThenBy(i => i)
            .Take(RepresentativeCount)
            .ToArray();
    }
}
