namespace CustomerPulseBot.Core.Meaning;

/// <summary>
/// The tuned settings of <see cref="ThemeSuggester"/> (tuned on BANKING77 and CLINC150 dev splits, 10 tagged quotes
/// per label, several seeds).
/// </summary>
internal sealed record SuggesterOptions
{
    public static readonly SuggesterOptions Default = new();

    /// <summary>The width of the kernel exp((cosine - 1) / width) between two quotes: smaller is more local.</summary>
    public float Width { get; init; } = 0.5f;

    /// <summary>λ of the kernel ridge regression from the tagged quotes to their themes.</summary>
    public float Ridge { get; init; } = 0.03f;

    /// <summary>The margin between the best and second theme's scores that counts as score 1.</summary>
    public float FullMargin { get; init; } = 0.6f;

    /// <summary>The score from which a suggestion is sure enough to tag by itself.</summary>
    public float ConfidentScore { get; init; } = 0.5f;

    /// <summary>The least similarity to the theme's nearest tagged quote to tag by itself.</summary>
    public float ConfidentSimilarity { get; init; } = 0.5f;

    /// <summary>The least similarity to the theme's nearest tagged quote to offer the theme at all.</summary>
    public float OfferSimilarity { get; init; } = 0.3f;
}
