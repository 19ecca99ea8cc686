namespace CustomerPulseBot.ThemeBench;

/// <summary>
/// The word-count baseline: TF-IDF vectors (lower-case words, sublinear counts, L2-normalised), nearest centroid to
/// suggest, k-means told the number of labels to group.
/// </summary>
internal sealed class TfIdf
{
    private readonly Dictionary<string, int> _vocabulary = new(StringComparer.Ordinal);
    private readonly List<double> _idf = [];

    public TfIdf(IEnumerable<string> corpus)
    {
        var documents = corpus.Select(Words).ToList();
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in documents.SelectMany(d => d.Distinct()))
        {
            frequency[word] = frequency.GetValueOrDefault(word) + 1;
        }

        foreach (var (word, count) in frequency.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            _vocabulary[word] = _idf.Count;
            _idf.Add(Math.Log((1.0 + documents.Count) / (1.0 + count)) + 1);
        }
    }

    public int Dimensions => _idf.Count;

    /// <summary>The text's vector as (index, weight) pairs; words not in the corpus are left out.</summary>
    public (int Index, float Weight)[] Vector(string text)
    {
        var weights = Words(text)
            .Where(_vocabulary.ContainsKey)
            .GroupBy(w => _vocabulary[w])
            .Select(g => (Index: g.Key, Weight: (1 + Math.Log(g.Count())) * _idf[g.Key]))
            .ToList();
        var norm = Math.Sqrt(weights.Sum(p => p.Weight * p.Weight));
        return weights.Select(p => (p.Index, (float)(norm == 0 ? 0 : p.Weight / norm))).ToArray();
    }

    public static float Dot((int Index, float Weight)[] sparse, float[] dense) => sparse.Sum(p => p.Weight * dense[p.Index]);

    /// <summary>The label of the nearest class centroid for each test vector.</summary>
    public static string[] NearestCentroid(
        IReadOnlyList<((int Index, float Weight)[] Vector, string Label)> train, IReadOnlyList<(int Index, float Weight)[]> test, int dimensions)
    {
        var centroids = train
            .GroupBy(t => t.Label, StringComparer.Ordinal)
            .Select(g => (Label: g.Key, Centroid: Normalised(Mean(g.Select(t => t.Vector), dimensions))))
            .ToList();
        return test.Select(v => centroids.MaxBy(c => Dot(v, c.Centroid)).Label).ToArray();
    }

    /// <summary>Spherical k-means (k-means++ seeding, fixed seed), the group of each vector.</summary>
    public static int[] KMeans(IReadOnlyList<(int Index, float Weight)[]> vectors, int k, int dimensions, int seed, int iterations = 30)
    {
        var random = new Random(seed);
        var centroids = new List<float[]> { Dense(vectors[random.Next(vectors.Count)], dimensions) };
        var nearest = vectors.Select(v => 1 - Dot(v, centroids[0])).ToArray();
        while (centroids.Count < k)
        {
            var total = nearest.Sum(d => (double)Math.Max(d, 0) * Math.Max(d, 0));
            var pick = random.NextDouble() * total;
            var chosen = 0;
            for (var acc = 0.0; chosen < vectors.Count - 1; chosen++)
            {
                acc += Math.Max(nearest[chosen], 0) * Math.Max(nearest[chosen], 0);
                if (acc >= pick)
                {
                    break;
                }
            }

            centroids.Add(Dense(vectors[chosen], dimensions));
            for (var i = 0; i < vectors.Count; i++)
            {
                nearest[i] = Math.Min(nearest[i], 1 - Dot(vectors[i], centroids[^1]));
            }
        }

        var assignment = new int[vectors.Count];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var changed = false;
            for (var i = 0; i < vectors.Count; i++)
            {
                var best = 0;
                for (var c = 1; c < k; c++)
                {
                    if (Dot(vectors[i], centroids[c]) > Dot(vectors[i], centroids[best]))
                    {
                        best = c;
                    }
                }

                changed |= assignment[i] != best;
                assignment[i] = best;
            }

            if (!changed && iteration > 0)
            {
                break;
            }

            for (var c = 0; c < k; c++)
            {
                var members = vectors.Where((_, i) => assignment[i] == c).ToList();
                if (members.Count > 0)
                {
                    centroids[c] = Normalised(Mean(members, dimensions));
                }
            }
        }

        return assignment;
    }

    private static float[] Dense((int Index, float Weight)[] sparse, int dimensions)
    {
        var dense = new float[dimensions];
        foreach (var (index, weight) in sparse)
        {
            dense[index] = weight;
        }

        return dense;
    }

    private static float[] Mean(IEnumerable<(int Index, float Weight)[]> vectors, int dimensions)
    {
        var sum = new float[dimensions];
        foreach (var (index, weight) in vectors.SelectMany(v => v))
        {
            sum[index] += weight;
        }

        return sum;
    }

    private static float[] Normalised(float[] vector)
    {
        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        return norm == 0 ? vector : vector.Select(x => x / norm).ToArray();
    }

    private static IEnumerable<string> Words(string text) =>
        text.ToLowerInvariant().Split(text.Where(c => !char.IsLetterOrDigit(c)).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries);
}
