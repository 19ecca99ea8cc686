using CustomerPulseBot.Core;
using Microsoft.AspNetCore.Http.Features;

namespace CustomerPulseBot.Web.Api.Csv;

/// <summary>
/// A request body read as it arrives (never buffered whole), refused with 413 once it passes its cap: on its declared
/// length before a byte is read, or as soon as a chunked body grows past it. The server's own limit (30 MB by default)
/// is lifted for the request so that this cap, and its answer, are the ones that count.
/// </summary>
internal sealed class CappedBody(Stream inner, int maxBytes) : Stream
{
    private long read;

    public static Stream Of(HttpRequest request, int maxBytes)
    {
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + 1L;
        }

        return new CappedBody(request.Body, maxBytes);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Counted(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Counted(int count)
    {
        read += count;
        return read > maxBytes ? throw TooLarge(maxBytes) : count;
    }

    private static CsvRefusedException TooLarge(int maxBytes) => new(StatusCodes.Status413PayloadTooLarge, RequestBody.TooLarge(maxBytes));
}
