using System.Numerics.Tensors;

namespace CustomerPulseBot.Core.Meaning;

/// <summary>
/// A workspace's rows as <see cref="MeaningIndex"/> held them when asked: row i's vector is
/// <see cref="Vector"/>(i), and the rows themselves carry none (<see cref="Row"/> gives one with its vector).
/// Later writes never change what a snapshot shows, so it is read from any thread without a lock.
/// </summary>
public sealed class MeaningSnapshot
{
    private readonly MeaningRow[] rows;
    private readonly float[] vectors;
    private readonly int dimensions;

    internal MeaningSnapshot(MeaningRow[] rows, float[] vectors, int count, int dimensions, int version)
    {
        this.rows = rows;
        this.vectors = vectors;
        this.dimensions = dimensions;
        Count = count;
        Version = version;
    }

    public int Count { get; }

    /// <summary>
    /// Changes whenever the themes people chose may have (<see cref="MeaningIndex.ChosenThemes"/>): what is built from
    /// the tags is built again.
    /// </summary>
    public int Version { get; }

    /// <summary>Row <paramref name="i"/> without its vector: cheap, for filters.</summary>
    public MeaningRow RowWithoutVector(int i) => rows[i];

    /// <summary>Row <paramref name="i"/> with a copy of its vector.</summary>
    public MeaningRow Row(int i) => rows[i] with { Vector = Vector(i).ToArray() };

    public ReadOnlySpan<float> Vector(int i) => vectors.AsSpan(i * dimensions, dimensions);

    /// <summary>
    /// The <paramref name="k"/> rows most similar to <paramref name="query"/> among those <paramref name="include"/>
    /// allows (all when null), at least <paramref name="minSimilarity"/>, best first: each vector compared with SIMD,
    /// the best kept in a heap of k.
    /// </summary>
    public IReadOnlyList<(int Index, float Similarity)> Nearest(
        ReadOnlySpan<float> query, int k, float minSimilarity = float.MinValue, Func<MeaningRow, bool>? include = null)
    {
        if (k <= 0)
        {
            return [];
        }

        var best = new PriorityQueue<int, float>(k + 1);
        for (var i = 0; i < Count; i++)
        {
            if (include is not null && !include(rows[i]))
            {
                continue;
            }

            var similarity = TensorPrimitives.Dot(vectors.AsSpan(i * dimensions, dimensions), query);
            if (similarity < minSimilarity)
            {
                continue;
            }

            if (best.Count < k)
            {
                best.Enqueue(i, similarity);
            }
            else if (best.TryPeek(out _, out var worst) && similarity > worst)
            {
                best.DequeueEnqueue(i, similarity);
            }
        }

        var found = new List<(int Index, float Similarity)>(best.Count);
        while (best.TryDequeue(out var i, out var similarity))
        {
            found.Add((i, similarity));
        }

        found.Reverse();
        return found;
    }
}
