using System.Numerics.Tensors;

namespace CustomerPulseBot.Core.Meaning;

/// <summary>A theme a quote looks like, how close it is (0–1), and whether it is sure enough to tag by itself.</summary>
public sealed record ThemeGuess(string Theme, float Score, bool Confident);

/// <summary>
/// Suggests a theme for a quote from the quotes people tagged. Built once per workspace state, then asked for many
/// quotes from any thread.
/// </summary>
public sealed class ThemeSuggester
{
    private readonly SuggesterOptions _options;
    private readonly string[] _themes;
    private readonly int _dimensions;
    private readonly float[] _mean;
    private readonly float[] _weights;
    private readonly float[] _centroids;
    private readonly float[] _examples;
    private readonly int[] _exampleTheme;
    private readonly float[] _hub;

    private ThemeSuggester(
        SuggesterOptions options, string[] themes, int dimensions, float[] mean, float[] weights, float[] centroids,
        float[] examples, int[] exampleTheme, float[] hub)
    {
        _hub = hub;
        _options = options;
        _themes = themes;
        _dimensions = dimensions;
        _mean = mean;
        _weights = weights;
        _centroids = centroids;
        _examples = examples;
        _exampleTheme = exampleTheme;
    }

    /// <summary>A suggester over the tagged examples (a theme per vector; a quote with two themes gives two).</summary>
    public static ThemeSuggester Build(IEnumerable<(string Theme, float[] Vector)> tagged) => Build(tagged, SuggesterOptions.Default);

    internal static ThemeSuggester Build(IEnumerable<(string Theme, float[] Vector)> tagged, SuggesterOptions options)
    {
        var list = tagged.ToList();
        var themes = list.Select(t => t.Theme).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = themes.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        var d = list.Count == 0 ? 0 : list[0].Vector.Length;
        var n = list.Count;
        var c = themes.Length;

        var examples = new float[n * d];
        var exampleTheme = new int[n];
        var mean = new float[d];
        for (var i = 0; i < n; i++)
        {
            if (list[i].Vector.Length != d)
            {
                throw new ArgumentException("Every tagged vector must have the same length.", nameof(tagged));
            }

            list[i].Vector.CopyTo(examples, i * d);
            exampleTheme[i] = index[list[i].Theme];
            TensorPrimitives.Add(mean, list[i].Vector, mean);
        }

        if (n > 0)
        {
            TensorPrimitives.Divide(mean, n, mean);
        }

        // Class sums of the centred examples: the centroids, and the right-hand sides of the ridge regression.
        var centred = new float[n * d];
        var sums = new float[c * d];
        var counts = new int[c];
        for (var i = 0; i < n; i++)
        {
            var row = centred.AsSpan(i * d, d);
            TensorPrimitives.Subtract(examples.AsSpan(i * d, d), mean, row);
            var norm = TensorPrimitives.Norm(row);
            if (norm > 0)
            {
                TensorPrimitives.Divide(row, norm, row);
            }

            var sum = sums.AsSpan(exampleTheme[i] * d, d);
            TensorPrimitives.Add(sum, row, sum);
            counts[exampleTheme[i]]++;
        }

        var centroids = new float[c * d];
        for (var k = 0; k < c; k++)
        {
            var centroid = centroids.AsSpan(k * d, d);
            sums.AsSpan(k * d, d).CopyTo(centroid);
            var norm = TensorPrimitives.Norm(centroid);
            if (norm > 0)
            {
                TensorPrimitives.Divide(centroid, norm, centroid);
            }
        }

        var weights = options.RidgeWeight == 0 ? new float[c * d] : Ridge.Solve(centred, n, d, sums, c, options.Ridge);
        var space = options.CentredKnn ? centred : examples;
        var hub = new float[n];
        if (options.Hub != 0)
        {
            var k = Math.Min(options.Neighbours, n - 1);
            Parallel.For(0, n, i =>
            {
                var sims = new float[n];
                for (var j = 0; j < n; j++)
                {
                    sims[j] = i == j ? float.MinValue : TensorPrimitives.Dot(space.AsSpan(i * d, d), space.AsSpan(j * d, d));
                }

                Array.Sort(sims);
                hub[i] = k <= 0 ? 0 : sims.AsSpan(n - k, k).ToArray().Average();
            });
        }

        return new ThemeSuggester(options, themes, d, mean, weights, centroids, space, exampleTheme, hub);
    }

    /// <summary>The best theme for the quote, or null when none is close enough to offer.</summary>
    public ThemeGuess? Suggest(ReadOnlySpan<float> vector)
    {
        var scores = Scores(vector, out var nearest);
        if (scores.Length == 0)
        {
            return null;
        }

        var best = 0;
        var second = -1;
        for (var k = 1; k < scores.Length; k++)
        {
            if (scores[k] > scores[best])
            {
                second = best;
                best = k;
            }
            else if (second < 0 || scores[k] > scores[second])
            {
                second = k;
            }
        }

        var margin = second < 0 ? scores[best] : scores[best] - scores[second];
        var score = Math.Clamp(margin / _options.FullMargin, 0f, 1f);
        if (nearest[best] < _options.OfferSimilarity)
        {
            return null;
        }

        return new ThemeGuess(_themes[best], score, score >= _options.ConfidentScore && nearest[best] >= _options.ConfidentSimilarity);
    }

    /// <summary>Per theme: the combined score, and the similarity of the theme's nearest tagged quote.</summary>
    internal float[] Scores(ReadOnlySpan<float> vector, out float[] nearest)
    {
        var c = _themes.Length;
        var d = _dimensions;
        nearest = new float[c];
        var scores = new float[c];
        if (c == 0)
        {
            return scores;
        }

        if (vector.Length != d)
        {
            throw new ArgumentException($"The vector has {vector.Length} dimensions, the tagged ones {d}.", nameof(vector));
        }

        Span<float> centred = stackalloc float[d];
        TensorPrimitives.Subtract(vector, _mean, centred);
        var centredNorm = TensorPrimitives.Norm(centred);
        if (centredNorm > 0)
        {
            TensorPrimitives.Divide(centred, centredNorm, centred);
        }

        var n = _exampleTheme.Length;
        var sims = new float[n];
        Array.Fill(nearest, -1f);
        for (var i = 0; i < n; i++)
        {
            sims[i] = TensorPrimitives.Dot(_options.CentredKnn ? centred : vector, _examples.AsSpan(i * d, d));
            nearest[_exampleTheme[i]] = Math.Max(nearest[_exampleTheme[i]], sims[i]);
            sims[i] -= _options.Hub * _hub[i];
        }

        var knn = Knn(sims, c);
        for (var k = 0; k < c; k++)
        {
            var ridge = TensorPrimitives.Dot(centred, _weights.AsSpan(k * d, d));
            var centroid = TensorPrimitives.Dot(centred, _centroids.AsSpan(k * d, d));
            scores[k] = _options.RidgeWeight * ridge + _options.CentroidWeight * centroid + _options.KnnWeight * knn[k];
        }

        return scores;
    }

    // Per theme: the similarity-weighted vote of the K nearest tagged quotes.
    private float[] Knn(float[] sims, int themes)
    {
        var votes = new float[themes];
        var k = Math.Min(_options.Neighbours, sims.Length);
        if (k == 0 || _options.KnnWeight == 0)
        {
            return votes;
        }

        var order = new int[sims.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = (float[])sims.Clone();
        TensorPrimitives.Negate(keys, keys);
        Array.Sort(keys, order);
        var total = 0f;
        for (var j = 0; j < k; j++)
        {
            var w = MathF.Exp(sims[order[j]] / _options.KnnTemperature);
            votes[_exampleTheme[order[j]]] += w;
            total += w;
        }

        TensorPrimitives.Divide(votes, total, votes);
        return votes;
    }
}
