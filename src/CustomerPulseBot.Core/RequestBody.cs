namespace CustomerPulseBot.Core;

/// <summary>
/// Every endpoint's body, read once and capped (Slack's request URLs, Teams' messaging endpoint, the playground's API).
/// It is here because Core is the one project every adapter references, and it needs no more than a stream, so Core
/// stays free of ASP.NET Core; each adapter turns a refusal into the same 413 with <see cref="TooLarge"/>'s words.
/// </summary>
public static class RequestBody
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>
    /// The body, or null when it is longer than <paramref name="maxBytes"/>: refused on its declared length before a
    /// byte is read, or as soon as a body without one (chunked) grows past the cap, so an endless body costs no more.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(Stream body, long? declaredLength, int maxBytes, CancellationToken ct)
    {
        if (declaredLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>What a refused body is told, the same at every endpoint: the limit, and that nothing in it was used.</summary>
    public static string TooLarge(int maxBytes) =>
        $"The request body is over {maxBytes / 1024:N0} KB, the most this endpoint takes; nothing in it was read or saved.";
}
