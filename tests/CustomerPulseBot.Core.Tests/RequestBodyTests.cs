using System.Text;

namespace CustomerPulseBot.Core.Tests;

/// <summary>The one capped body reader: whole bodies up to the cap, nothing more read than the cap and one chunk.</summary>
public sealed class RequestBodyTests
{
    private const int Cap = 64 * 1024;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Cap)]
    public async Task ReadsTheWholeBody_WhenItIsAtMostTheCap(int length)
    {
        var bytes = Encoding.ASCII.GetBytes(new string('x', length));

        var body = await RequestBody.ReadAsync(new MemoryStream(bytes), length, Cap, CancellationToken.None);

        Assert.Equal(bytes, body);
    }

    [Fact]
    public async Task RefusesWithoutReading_WhenTheDeclaredLengthIsOverTheCap()
    {
        var stream = new EndlessStream();

        var body = await RequestBody.ReadAsync(stream, Cap + 1, Cap, CancellationToken.None);

        Assert.Null(body);
        Assert.Equal(0, stream.Served);
    }

    [Fact]
    public async Task StopsReading_WhenABodyWithoutALengthGrowsPastTheCap()
    {
        var stream = new EndlessStream();

        var body = await RequestBody.ReadAsync(stream, null, Cap, CancellationToken.None);

        Assert.Null(body);
        Assert.InRange(stream.Served, Cap + 1, Cap + 16 * 1024);
    }

    [Fact]
    public async Task Refuses_WhenTheBodyRunsPastTheCapThoughItDeclaresLess()
    {
        var bytes = new byte[Cap + 1];

        var body = await RequestBody.ReadAsync(new MemoryStream(bytes), 10, Cap, CancellationToken.None);

        Assert.Null(body);
    }

    [Fact]
    public void NamesTheLimitAndSaysNothingWasUsed_WhenABodyIsRefused()
    {
        Assert.Equal(
            "The request body is over 256 KB, the most this endpoint takes; nothing in it was read or saved.",
            RequestBody.TooLarge(256 * 1024));
    }

    /// <summary>A chunked body that never ends, counting what it has served.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
