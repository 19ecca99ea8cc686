namespace CustomerPulseBot.Core.Tests.Meaning;

/// <summary>Unit vectors in clusters, as sentence embeddings look: a direction per theme, plus noise, from a fixed seed.</summary>
internal sealed class SyntheticVectors(int seed)
{
    public const int Dimensions = 384;

    private readonly Random _random = new(seed);

    /// <summary>A random unit direction: the centre of a theme.</summary>
    public float[] Direction() => Unit(Enumerable.Range(0, Dimensions).Select(_ => Gaussian()).ToArray());

    /// <summary>A quote near <paramref name="centre"/>: the larger <paramref name="noise"/>, the further off.</summary>
    public float[] Near(float[] centre, float noise = 0.6f) =>
        Unit(centre.Select(x => x + noise * Gaussian() / MathF.Sqrt(Dimensions)).ToArray());

    private float Gaussian() =>
        MathF.Sqrt(-2 * MathF.Log(1 - _random.NextSingle())) * MathF.Cos(2 * MathF.PI * _random.NextSingle());

    private static float[] Unit(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }
}
