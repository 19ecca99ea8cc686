using System.Numerics.Tensors;

namespace CustomerPulseBot.Core.Meaning;

/// <summary>A theme a quote looks like, how close it is (0–1), and whether it is sure enough to tag by itself.</summary>
public sealed record ThemeGuess(string Theme, float Score, bool Confident);

/// <summary>
/// Suggests a theme for a quote from the quotes people tagged: kernel ridge regression from the tagged quotes to their
/// themes, so that a quote counts as much as its tagged neighbours agree. Built once per workspace state, then asked
/// for many quotes from any thread.
/// </summary>
public sealed class ThemeSuggester
{
    private readonly SuggesterOptions _options;
    private readonly string[] _themes;
    private readonly int _dimensions;
    private readonly float[] _examples;
    private readonly int[] _exampleTheme;
    private readonly float[] _weights;

    private ThemeSuggester(
        SuggesterOptions options, string[] themes, int dimensions, float[] examples, int[] exampleTheme, float[] weights)
    {
        _options = options;
        _themes = themes;
        _dimensions = dimensions;
        _examples = examples;
        _exampleTheme = exampleTheme;
        _weights = weights;
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

        var examples = new float[n * d];
        var exampleTheme = new int[n];
        for (var i = 0; i < n; i++)
        {
            if (list[i].Vector.Length != d)
            {
                throw new ArgumentException("Every tagged vector must have the same length.", nameof(tagged));
            }

            list[i].Vector.CopyTo(examples, i * d);
            exampleTheme[i] = index[list[i].Theme];
        }

        var kernel = new float[(long)n * n];
        Parallel.For(0, n, i =>
        {
            for (var j = 0; j <= i; j++)
            {
                kernel[(long)i * n + j] = Kernel(TensorPrimitives.Dot(examples.AsSpan(i * d, d), examples.AsSpan(j * d, d)), options);
            }
        });

        var weights = Ridge.Solve(kernel, n, exampleTheme, themes.Length, options.Ridge);
        return new ThemeSuggester(options, themes, d, examples, exampleTheme, weights);
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

    /// <summary>Per theme: the regression's score, and the similarity of the theme's nearest tagged quote.</summary>
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

        Array.Fill(nearest, -1f);
        for (var i = 0; i < _exampleTheme.Length; i++)
        {
            var sim = TensorPrimitives.Dot(vector, _examples.AsSpan(i * d, d));
            nearest[_exampleTheme[i]] = Math.Max(nearest[_exampleTheme[i]], sim);
            TensorPrimitives.MultiplyAdd(_weights.AsSpan(i * c, c), Kernel(sim, _options), scores, scores);
        }

        return scores;
    }

    private static float Kernel(float similarity, SuggesterOptions options) => MathF.Exp((similarity - 1) / options.Width);
}
