namespace CustomerPulseBot.Core.Meaning;

/// <summary>The tuned settings of <see cref="ThemeDiscovery"/> (tuned on BANKING77 and CLINC150 dev splits).</summary>
internal sealed record DiscoveryOptions
{
    public static readonly DiscoveryOptions Default = new();

    /// <summary>Whether to take away the mean of the quotes first (all are about one product: that hides how they differ).</summary>
    public bool Centre { get; init; } = true;

    /// <summary>k-means steps from the groups found, so that a quote ends in the group it is nearest to.</summary>
    public int Refine { get; init; } = 2;

    /// <summary>Two groups merge while the average similarity between their quotes is at least this.</summary>
    public float MergeSimilarity { get; init; } = 0.4f;

    /// <summary>The fewest quotes a group needs to be proposed.</summary>
    public int MinSize { get; init; } = 8;

    /// <summary>The least similarity to a group's centroid for a quote of a smaller group to join it.</summary>
    public float JoinSimilarity { get; init; } = 0.4f;
}
