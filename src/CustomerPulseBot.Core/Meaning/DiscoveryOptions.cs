namespace CustomerPulseBot.Core.Meaning;

/// <summary>
/// The tuned settings of <see cref="ThemeDiscovery"/> (tuned on BANKING77 and CLINC150 dev splits of 20 to 70 quotes
/// per label, one set for both).
/// </summary>
internal sealed record DiscoveryOptions
{
    public static readonly DiscoveryOptions Default = new();

    /// <summary>How many nearest neighbours each quote is averaged with, and asks where to go when its group is dropped.</summary>
    public int Neighbours { get; init; } = 10;

    /// <summary>The least similarity of a neighbour to be averaged with or asked.</summary>
    public float NeighbourSimilarity { get; init; } = 0.3f;

    /// <summary>
    /// The most quotes grouped pairwise (memory grows with its square: 36 MB at 3,000); above it a sample of this many
    /// is, and every other quote joins the group most of its neighbours in the sample are in.
    /// </summary>
    public int Cap { get; init; } = 3000;

    /// <summary>Two groups merge while the average similarity between their (averaged) quotes is at least this.</summary>
    public float MergeSimilarity { get; init; } = 0.6f;

    /// <summary>The fewest quotes a group needs to be proposed.</summary>
    public int MinSize { get; init; } = 3;

    /// <summary>The least size of a proposed group as a share of the typical group's.</summary>
    public float MinShare { get; init; } = 0.4f;

    /// <summary>The share of a quote's neighbours in one group that makes it join that group when its own was dropped.</summary>
    public float Vote { get; init; } = 0.5f;

    /// <summary>The least similarity to that group's centroid for such a quote to join it (a stray quote's neighbours are far).</summary>
    public float JoinSimilarity { get; init; } = 0.4f;
}
