using System.Numerics.Tensors;

namespace CustomerPulseBot.Core.Meaning;

/// <summary>When two quotes say the same thing in nearly the same words.</summary>
public static class NearDuplicates
{
    /// <summary>Vectors at least this similar are near-duplicates whatever their words.</summary>
    internal const float SameSimilarity = 0.97f;

    /// <summary>Vectors at least this similar are near-duplicates when most of their words are shared too.</summary>
    internal const float CloseSimilarity = 0.92f;

    /// <summary>The share of the two quotes' words (Jaccard) that makes close vectors near-duplicates.</summary>
    internal const float SharedWords = 0.6f;

    /// <summary>True when the two quotes are near-duplicates (their vectors, and their texts where that helps).</summary>
    public static bool Are(ReadOnlySpan<float> a, string aText, ReadOnlySpan<float> b, string bText)
    {
        var similarity = TensorPrimitives.Dot(a, b);
        if (similarity >= SameSimilarity)
        {
            return true;
        }

        return similarity >= CloseSimilarity && Jaccard(Words(aText), Words(bText)) >= SharedWords;
    }

    private static HashSet<string> Words(string text) =>
        GroupNames.Words(text).OfType<string>().ToHashSet(StringComparer.Ordinal);

    private static float Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }

        var shared = a.Count(b.Contains);
        return (float)shared / (a.Count + b.Count - shared);
    }
}
