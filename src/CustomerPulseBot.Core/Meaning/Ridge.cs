using System.Numerics.Tensors;

namespace CustomerPulseBot.Core.Meaning;

/// <summary>Kernel ridge regression in closed form: the weights A solving (K + λI) A = Y, by Cholesky in double.</summary>
internal static class Ridge
{
    /// <summary>
    /// The rows of A (one per example, <paramref name="targets"/> wide) for the kernel matrix <paramref name="kernel"/>
    /// (<paramref name="n"/> × <paramref name="n"/>, only its lower triangle is read, and it is overwritten) and
    /// one-hot targets (example i has target <paramref name="target"/>[i]).
    /// </summary>
    public static float[] Solve(double[] kernel, int n, int[] target, int targets, double lambda)
    {
        // K + λI = L Lᵀ, L written over K's lower triangle; n³/6 multiply-adds (1.3 G for 2,000 examples).
        var l = kernel;
        for (var j = 0; j < n; j++)
        {
            var row = l.AsSpan(j * n, n);
            for (var i = 0; i <= j; i++)
            {
                var sum = row[i] + (i == j ? lambda : 0) - TensorPrimitives.Dot(row[..i], l.AsSpan(i * n, i));
                row[i] = i == j ? Math.Sqrt(Math.Max(sum, 1e-12)) : sum / l[i * n + i];
            }
        }

        // L Z = Y, then Lᵀ A = Z, a row (every target at once) at a time.
        var a = new double[n * targets];
        for (var j = 0; j < n; j++)
        {
            var row = a.AsSpan(j * targets, targets);
            row[target[j]] = 1;
            for (var m = 0; m < j; m++)
            {
                TensorPrimitives.MultiplyAdd(a.AsSpan(m * targets, targets), -l[j * n + m], row, row);
            }

            TensorPrimitives.Divide(row, l[j * n + j], row);
        }

        for (var j = n - 1; j >= 0; j--)
        {
            var row = a.AsSpan(j * targets, targets);
            for (var m = j + 1; m < n; m++)
            {
                TensorPrimitives.MultiplyAdd(a.AsSpan(m * targets, targets), -l[m * n + j], row, row);
            }

            TensorPrimitives.Divide(row, l[j * n + j], row);
        }

        var weights = new float[n * targets];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)a[i];
        }

        return weights;
    }
}
