using System.Numerics.Tensors;

namespace CustomerPulseBot.Core.Meaning;

/// <summary>
/// A group of quotes found together: their indexes in the input, a proposed theme name from their words
/// (a valid <see cref="Themes.ThemeName"/>), and the indexes of the quotes that show it best, best first.
/// </summary>
public sealed record DiscoveredGroup(IReadOnlyList<int> Members, string Name, IReadOnlyList<int> Representatives);

/// <summary>
/// Groups quotes by meaning without being told how many groups there are: each quote is averaged with its nearest
/// neighbours, the averages are grouped by average linkage, groups too small for these quotes are dropped, and the
/// quotes left over join the group most of their neighbours are in, or none.
/// </summary>
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

        if (vectors.Count == 0)
        {
            return [];
        }

        var space = Centred(vectors, options);
        var sample = Sample(space.Count, options.Cap);
        var (smoothed, neighbours) = Smoothed(space, sample, options);
        var clusters = AverageLinkage.Cut(sample.Select(i => smoothed[i]).ToArray(), options.MergeSimilarity);
        var groups = Settle(space, sample, clusters, neighbours, options);
        var names = GroupNames.Propose(groups, texts, takenNames);
        return groups
            .Select((members, g) => new DiscoveredGroup(members, names[g], Representatives(space, members)))
            .ToList();
    }

    // Every quote when there are few enough to compare pairwise (memory and time grow with the square), else a sample
    // of them, the same for the same number of quotes.
    private static int[] Sample(int count, int cap)
    {
        var all = Enumerable.Range(0, count).ToArray();
        if (count <= cap)
        {
            return all;
        }

        new Random(count).Shuffle(all);
        return all[..cap].Order().ToArray();
    }

    // Keeps the clusters of at least a share of the typical cluster's size (a fixed least size would keep more
    // splinters the more quotes there are); every other quote joins the kept group most of its neighbours are in,
    // when it is close enough to that group's centroid too, or stays out. Largest first, members in input order.
    private static List<int[]> Settle(
        IReadOnlyList<float[]> vectors, int[] sample, int[] cluster, int[][] neighbours, DiscoveryOptions options)
    {
        var clusters = cluster
            .Select((c, i) => (c, i: sample[i]))
            .GroupBy(p => p.c, p => p.i)
            .Select(g => g.ToList())
            .ToList();
        var minSize = Math.Max(options.MinSize, (int)MathF.Ceiling(options.MinShare * TypicalSize(clusters.Select(g => g.Count))));
        var kept = clusters.Where(g => g.Count >= minSize).ToList();

        var groupOf = new int[neighbours.Length];
        Array.Fill(groupOf, -1);
        for (var g = 0; g < kept.Count; g++)
        {
            foreach (var i in kept[g])
            {
                groupOf[i] = g;
            }
        }

        var centroids = kept.Select(g => Centroid(vectors, g)).ToArray();
        var votes = new int[kept.Count];
        for (var i = 0; i < neighbours.Length; i++)
        {
            if (groupOf[i] >= 0 || kept.Count == 0)
            {
                continue;
            }

            Array.Clear(votes);
            foreach (var j in neighbours[i])
            {
                if (groupOf[j] >= 0)
                {
                    votes[groupOf[j]]++;
                }
            }

            var winner = Array.IndexOf(votes, votes.Max());
            if (votes[winner] >= options.Vote * options.Neighbours
                && TensorPrimitives.Dot(vectors[i], centroids[winner]) >= options.JoinSimilarity)
            {
                kept[winner].Add(i);
            }
        }

        return kept
            .Select(g => g.Order().ToArray())
            .OrderByDescending(g => g.Length)
            .ThenBy(g => g[0])
            .ToList();
    }

    // The size of the cluster the median quote is in: how large a theme is among these quotes, whatever their number.
    private static int TypicalSize(IEnumerable<int> sizes)
    {
        var ordered = sizes.Order().ToList();
        var half = ordered.Sum() / 2;
        var seen = 0;
        foreach (var size in ordered)
        {
            seen += size;
            if (seen > half)
            {
                return size;
            }
        }

        return 0;
    }

    // Each quote averaged with its nearest neighbours among the sample (those close enough), unit length again, and
    // those neighbours: a quote worded unlike its theme's others moves towards them; a stray one stays where it is.
    // Row by row, so memory stays linear.
    private static (float[][] Smoothed, int[][] Neighbours) Smoothed(
        IReadOnlyList<float[]> vectors, int[] sample, DiscoveryOptions options)
    {
        var k = Math.Min(options.Neighbours, sample.Length - 1);
        var smoothed = new float[vectors.Count][];
        var neighbours = new int[vectors.Count][];
        Parallel.For(0, vectors.Count, () => (new float[k + 1], new int[k + 1]), (i, _, nearest) =>
        {
            var (sims, order) = nearest;
            Array.Fill(sims, float.MinValue);
            foreach (var j in sample)
            {
                var sim = j == i ? float.MinValue : TensorPrimitives.Dot(vectors[i], vectors[j]);
                if (k == 0 || sim <= sims[k - 1])
                {
                    continue;
                }

                // Into the k best so far, best first.
                var at = k - 1;
                while (at > 0 && sims[at - 1] < sim)
                {
                    sims[at] = sims[at - 1];
                    order[at] = order[at - 1];
                    at--;
                }

                sims[at] = sim;
                order[at] = j;
            }

            var close = 0;
            while (close < k && sims[close] >= options.NeighbourSimilarity)
            {
                close++;
            }

            var sum = new float[vectors[i].Length];
            for (var m = 0; m < close; m++)
            {
                TensorPrimitives.Add(sum, vectors[order[m]], sum);
            }

            if (close > 0)
            {
                TensorPrimitives.Divide(sum, close, sum);
            }

            TensorPrimitives.Add(sum, vectors[i], sum);
            Vectors.Normalise(sum);
            smoothed[i] = sum;
            neighbours[i] = order[..close];
            return nearest;
        }, _ => { });
        return (smoothed, neighbours);
    }

    // The vectors less their mean, unit length again: what they share (all are about one product) stops hiding how
    // they differ. Not when they are so alike on average (the mean's squared length is their average similarity) that
    // they are one group already: then what is left is noise.
    private static IReadOnlyList<float[]> Centred(IReadOnlyList<float[]> vectors, DiscoveryOptions options)
    {
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
            Vectors.Normalise(centred);
            return centred;
        }).ToArray();
    }

    private static float[] Centroid(IReadOnlyList<float[]> vectors, IReadOnlyList<int> members)
    {
        var centroid = new float[vectors[members[0]].Length];
        foreach (var i in members)
        {
            TensorPrimitives.Add(centroid, vectors[i], centroid);
        }

        Vectors.Normalise(centroid);
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
