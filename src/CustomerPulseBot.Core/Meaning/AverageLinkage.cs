using System.Numerics.Tensors;

namespace CustomerPulseBot.Core.Meaning;

/// <summary>
/// Agglomerative clustering with average linkage, cut where the average similarity between two clusters falls below
/// a threshold: the nearest-neighbour chain algorithm, O(n²) time and memory.
/// </summary>
internal static class AverageLinkage
{
    /// <summary>The cluster of each vector (a cluster is named by the index of one of its members).</summary>
    public static int[] Cut(IReadOnlyList<float[]> vectors, float threshold)
    {
        var n = vectors.Count;
        var sim = new float[(long)n * n];
        Parallel.For(0, n, i =>
        {
            for (var j = i + 1; j < n; j++)
            {
                var s = TensorPrimitives.Dot(vectors[i], vectors[j]);
                sim[(long)i * n + j] = s;
                sim[(long)j * n + i] = s;
            }
        });

        var size = new int[n];
        Array.Fill(size, 1);
        var active = new bool[n];
        Array.Fill(active, true);
        var parent = new int[n];
        for (var i = 0; i < n; i++)
        {
            parent[i] = i;
        }

        var chain = new List<int>();
        var next = 0;
        while (true)
        {
            if (chain.Count == 0)
            {
                while (next < n && !active[next])
                {
                    next++;
                }

                if (next == n)
                {
                    break;
                }

                chain.Add(next);
            }

            var a = chain[^1];
            var previous = chain.Count > 1 ? chain[^2] : -1;
            var b = previous;
            var best = previous >= 0 ? sim[(long)a * n + previous] : float.MinValue;
            var row = (long)a * n;
            for (var k = 0; k < n; k++)
            {
                if (active[k] && k != a && sim[row + k] > best)
                {
                    (b, best) = (k, sim[row + k]);
                }
            }

            if (b < 0 || best < threshold)
            {
                // Nothing is close enough now, and merging others only lowers their similarity to it: it is final.
                active[a] = false;
                chain.RemoveAt(chain.Count - 1);
                continue;
            }

            if (b != previous)
            {
                chain.Add(b);
                continue;
            }

            chain.RemoveRange(chain.Count - 2, 2);
            var (sa, sb) = (size[a], size[b]);
            for (var k = 0; k < n; k++)
            {
                if (active[k] && k != a && k != b)
                {
                    var merged = (sa * sim[row + k] + sb * sim[(long)b * n + k]) / (sa + sb);
                    sim[row + k] = merged;
                    sim[(long)k * n + a] = merged;
                }
            }

            size[a] += sb;
            active[b] = false;
            parent[b] = a;
        }

        var cluster = new int[n];
        for (var i = 0; i < n; i++)
        {
            var root = i;
            while (parent[root] != root)
            {
                root = parent[root];
            }

            cluster[i] = root;
        }

        return cluster;
    }
}
