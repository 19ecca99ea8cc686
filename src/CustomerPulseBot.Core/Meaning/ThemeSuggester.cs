namespace CustomerPulseBot.Core.Meaning;

/// <summary>A theme a quote looks like, how close it is (0–1), and whether it is sure enough to tag by itself.</summary>
public sealed record ThemeGuess(string Theme, float Score, bool Confident);

/// <summary>
/// Suggests a theme for a quote from the quotes people tagged. Built once per workspace state, then asked for many
/// quotes from any thread.
/// </summary>
public sealed class ThemeSuggester
{
    // CONTRACT (issue 9): implemented by the algorithms helper; the signatures are fixed.
    private readonly List<(string Theme, float[] Centroid)> centroids;

    private ThemeSuggester(List<(string Theme, float[] Centroid)> centroids)
    {
        this.centroids = centroids;
    }

    /// <summary>A suggester over the tagged examples (a theme per vector; a quote with two themes gives two).</summary>
    public static ThemeSuggester Build(IEnumerable<(string Theme, float[] Vector)> tagged) =>
        new(tagged.GroupBy(t => t.Theme).Select(g =>
        {
            var sum = new float[g.First().Vector.Length];
            foreach (var (_, v) in g)
            {
                System.Numerics.Tensors.TensorPrimitives.Add(sum, v, sum);
            }

            var norm = System.Numerics.Tensors.TensorPrimitives.Norm(sum);
            System.Numerics.Tensors.TensorPrimitives.Divide(sum, norm == 0 ? 1 : norm, sum);
            return (g.Key, sum);
        }).ToList());

    /// <summary>The best theme for the quote, or null when none is close enough to offer.</summary>
    public ThemeGuess? Suggest(ReadOnlySpan<float> vector)
    {
        ThemeGuess? best = null;
        foreach (var (theme, centroid) in centroids)
        {
            var score = Vectors.Similarity(vector, centroid);
            if (score >= 0.3f && (best is null || score > best.Score))
            {
                best = new ThemeGuess(theme, score, score >= 0.7f);
            }
        }

        return best;
    }
}
