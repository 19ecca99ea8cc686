namespace CustomerPulseBot.Core.Meaning;

/// <summary>When two quotes say the same thing in nearly the same words.</summary>
public static class NearDuplicates
{
    // CONTRACT (issue 9): implemented by the algorithms helper; the signature is fixed.

    /// <summary>True when the two quotes are near-duplicates (their vectors, and their texts where that helps).</summary>
    public static bool Are(ReadOnlySpan<float> a, string aText, ReadOnlySpan<float> b, string bText) => throw new NotImplementedException();
}
