using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace CustomerPulseBot.Core.Meaning;

/// <summary>The one place vectors are compared, made unit length and turned into bytes for storage.</summary>
public static class Vectors
{
    /// <summary>The cosine similarity of two unit-length vectors: their dot product, with SIMD.</summary>
    public static float Similarity(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => TensorPrimitives.Dot(a, b);

    /// <summary>Scales the vector, in place, to unit length (a zero vector stays zero).</summary>
    public static void Normalise(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }

    /// <summary>The vector as stored (<c>bytea</c>, <c>blob</c>): its floats, little-endian, 4 bytes each.</summary>
    public static byte[] ToBytes(ReadOnlySpan<float> vector)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Vectors are stored little-endian.");
        }

        return MemoryMarshal.AsBytes(vector).ToArray();
    }

    /// <summary>The vector stored by <see cref="ToBytes"/>.</summary>
    public static float[] FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % sizeof(float) != 0)
        {
            throw new ArgumentException($"A stored vector has a multiple of 4 bytes, not {bytes.Length}.", nameof(bytes));
        }

        return MemoryMarshal.Cast<byte, float>(bytes).ToArray();
    }
}
