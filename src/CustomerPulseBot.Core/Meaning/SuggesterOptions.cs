namespace CustomerPulseBot.Core.Meaning;

/// <summary>The tuned settings of <see cref="ThemeSuggester"/> (tuned on BANKING77 and CLINC150 dev splits).</summary>
internal sealed record SuggesterOptions
{
    public static readonly SuggesterOptions Default = new();

    /// <summary>λ of the ridge regression from the centred vectors to their themes.</summary>
    public float Ridge { get; init; } = 1f;

    public float RidgeWeight { get; init; } = 2f;

    public float CentroidWeight { get; init; } = 1.5f;

    public float KnnWeight { get; init; } = 1f;

    public bool CentredKnn { get; init; }

    public float Hub { get; init; } = 0.5f;

    public int Neighbours { get; init; } = 20;

    public float KnnTemperature { get; init; } = 0.05f;

    /// <summary>The margin between the best and second theme's scores that counts as score 1.</summary>
    public float FullMargin { get; init; } = 1.8f;

    /// <summary>The score from which a suggestion is sure enough to tag by itself.</summary>
    public float ConfidentScore { get; init; } = 0.5f;

    /// <summary>The least similarity to the theme's nearest tagged quote to tag by itself.</summary>
    public float ConfidentSimilarity { get; init; } = 0.5f;

    /// <summary>The least similarity to the theme's nearest tagged quote to offer the theme at all.</summary>
    public float OfferSimilarity { get; init; } = 0.3f;
}
