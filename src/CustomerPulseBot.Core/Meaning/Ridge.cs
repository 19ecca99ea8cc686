using System.Numerics.Tensors;

namespace CustomerPulseBot.Core.Meaning;

/// <summary>Ridge regression in closed form: the weights W minimising |XW - Y|² + λ|W|², from XᵀY.</summary>
internal static class Ridge
{
    /// <summary>
    /// The rows of W (one per target, <paramref name="d"/> wide) for <paramref name="x"/> (<paramref name="n"/> rows)
    /// and <paramref name="xty"/> (XᵀY, one row per target).
    /// </summary>
    public static float[] Solve(float[] x, int n, int d, float[] xty, int targets, float lambda)
    {
        // XᵀX + λI, accumulated row by row (n·d² multiply-adds: 0.3 G for 2,000 quotes of 384), then Cholesky in double.
        var gram = new float[d * d];
        for (var i = 0; i < n; i++)
        {
            var row = x.AsSpan(i * d, d);
            for (var j = 0; j < d; j++)
            {
                if (row[j] != 0)
                {
                    TensorPrimitives.MultiplyAdd(row, row[j], gram.AsSpan(j * d, d), gram.AsSpan(j * d, d));
                }
            }
        }

        var l = new double[d * d];
        for (var j = 0; j < d; j++)
        {
            for (var k = 0; k <= j; k++)
            {
                double sum = gram[j * d + k] + (j == k ? lambda : 0);
                for (var m = 0; m < k; m++)
                {
                    sum -= l[j * d + m] * l[k * d + m];
                }

                l[j * d + k] = j == k ? Math.Sqrt(Math.Max(sum, 1e-12)) : sum / l[k * d + k];
            }
        }

        var weights = new float[targets * d];
        var y = new double[d];
        for (var t = 0; t < targets; t++)
        {
            // L y = b, then Lᵀ w = y.
            for (var j = 0; j < d; j++)
            {
                double sum = xty[t * d + j];
                for (var m = 0; m < j; m++)
                {
                    sum -= l[j * d + m] * y[m];
                }

                y[j] = sum / l[j * d + j];
            }

            for (var j = d - 1; j >= 0; j--)
            {
                var sum = y[j];
                for (var m = j + 1; m < d; m++)
                {
                    sum -= l[m * d + j] * y[m];
                }

                y[j] = sum / l[j * d + j];
                weights[t * d + j] = (float)y[j];
            }
        }

        return weights;
    }
}
