namespace CustomerPulseBot.Core.Meaning;

/// <summary>
/// Turns text into a unit-length vector whose dot product with another's says how close their meanings are
/// (a sentence-embedding model). One instance per host, shared by every thread; the work is CPU, done on the
/// calling thread.
/// </summary>
public interface ITextEncoder
{
    /// <summary>The length of every vector this encoder returns.</summary>
    int Dimensions { get; }

    /// <summary>
    /// The model and its version (for example <c>all-MiniLM-L6-v2/24.9.52193</c>): stored with each vector, so that
    /// vectors of another model are computed again rather than compared.
    /// </summary>
    string Model { get; }

    /// <summary>The vector of one text, L2-normalised.</summary>
    float[] Encode(string text);

    /// <summary>The vectors of many texts, in order, computed in batches: for backfills and imports.</summary>
    float[][] Encode(IReadOnlyList<string> texts);
}
