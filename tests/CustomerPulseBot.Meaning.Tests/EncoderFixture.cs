using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerPulseBot.Meaning.Tests;

/// <summary>One loaded model for the test classes that share it: loading takes a second and 150 MB.</summary>
public sealed class EncoderFixture : IDisposable
{
    internal MiniLmEncoder Encoder { get; } = new(new MeaningOptions(), NullLogger<MiniLmEncoder>.Instance);

    public void Dispose() => Encoder.Dispose();
}
