using System.Numerics.Tensors;
using CustomerPulseBot.Core.Meaning;

namespace CustomerPulseBot.Storage.Tests;

/// <summary>
/// A deterministic stand-in for the sentence model in tests: each word (lower-cased, a plural's s dropped) adds one
/// to a dimension its hash picks, and the sum is normalised, so quotes sharing words are similar. Its model name is
/// its own per instance, since the backfill reads every workspace's signals.
/// </summary>
internal sealed class WordHashEncoder : ITextEncoder
{
    public int Dimensions => 384;

    public string Model { get; } = $"word-hash/{Guid.NewGuid():N}";

    public float[] Encode(string text)
    {
        var vector = new float[Dimensions];
        var words = text.ToLowerInvariant().Split((char[])[' ', ',', '.', '!', '?', '-'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in words)
        {
            var stem = word.Length > 3 && word.EndsWith('s') ? word[..^1] : word;
            vector[(int)((uint)StableHash(stem) % Dimensions)] += 1;
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }

    public float[][] Encode(IReadOnlyList<string> texts) => texts.Select(Encode).ToArray();

    private static int StableHash(string word)
    {
        var hash = 17;
        foreach (var c in word)
        {
            hash = unchecked(hash * 31 + c);
        }

        return hash;
    }
}
