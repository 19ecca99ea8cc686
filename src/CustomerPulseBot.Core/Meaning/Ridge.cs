using System.Numerics.Tensors;

namespace CustomerPulseBot.Core.Meaning;

/// <summary>Kernel ridge regression in closed form: the weights A solving (K + λI) A = Y, by Cholesky.</summary>
internal static class Ridge
{
    /// <summary>
    /// The rows of A (one per example, <paramref name="targets"/> wide) for the kernel matrix <paramref name="kernel"/>
    /// (<paramref name="n"/> × <paramref name="n"/>, only its lower triangle is read, and it is overwritten) and
    /// one-hot targets (example i has target <paramref name="target"/>[i]).
    /// </summary>
    public static float[] Solve(float[] kernel, int n, int[] target, int targets, float lambda)
    {
        // K + λI = L Lᵀ, L written over K's lower triangle; n³/6 multiply-adds (1.3 G for 2,000 examples).
        var l = kernel;
        for (var j = 0; j < n; j++)
        {
            var row = l.AsSpan(j * n, n);
            for (var i = 0; i <= j; i++)
            {
                var sum = row[i] + (i == j ? lambda : 0) - TensorPrimitives.Dot(row[..i], l.AsSpan(i * n, i));
                row[i] = i == j ? MathF.Sqrt(Math.Max(sum, 1e-12f)) : sum / l[i * n + i];
            }
        }

        // L Z = Y, then Lᵀ A = Z, a row of targets at a time; the targets split between the cores.
        var a = new float[n * targets];
        var chunks = Math.Min(Environment.ProcessorCount, Math.Max(1, targets / 16));
        Parallel.For(0, chunks, chunk =>
        {
            var from = chunk * targets / chunks;
            var width = (chunk + 1) * targets / chunks - from;
            for (var j = 0; j < n; j++)
            {
                var row = a.AsSpan(j * targets + from, width);
                if (target[j] >= from && target[j] < from + width)
                {
                    row[target[j] - from] = 1;
                }

                for (var m = 0; m < j; m++)
                {
                    TensorPrimitives.MultiplyAdd(a.AsSpan(m * targets + from, width), -l[j * n + m], row, row);
                }

                TensorPrimitives.Divide(row, l[j * n + j], row);
            }

            for (var j = n - 1; j >= 0; j--)
            {
                var row = a.AsSpan(j * targets + from, width);
                for (var m = j + 1; m < n; m++)
                {
                    TensorPrimitives.MultiplyAdd(a.AsSpan(m * targets + from, width), -l[m * n + j], row, row);
                }

                TensorPrimitives.Divide(row, l[j * n + j], row);
            }
        });

        return a;
    }
}
