using System.Threading.Channels;
using CustomerPulseBot.Core.Meaning;

namespace CustomerPulseBot.Web.Meaning;

/// <summary>
/// The captures whose reply had no time left for their vector, or that came in a burst, computed here in batches once
/// the captures pause (a quarter of a second without one), and at the latest after <see cref="MostDeferred"/>: encoding
/// competes with the replies for the CPU. Bounded: a capture the full queue refuses (a long burst, an import) is left to
/// the backfill, as is anything still queued when a host dies; on an orderly shutdown the queue takes no more and is
/// drained first.
/// </summary>
internal sealed class VectorQueue(VectorBackfill vectors, TimeProvider clock, ILogger<VectorQueue> logger) : BackgroundService, IVectorQueue
{
    public const int Capacity = 2000;

    private const int BatchSize = 32;

    /// <summary>How long without a capture counts as a pause.</summary>
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest a batch waits for a pause.</summary>
    private static readonly TimeSpan MostDeferred = TimeSpan.FromSeconds(10);

    /// <summary>When the last capture was queued, in <see cref="TimeProvider.GetTimestamp"/> ticks.</summary>
    private long lastQueued;

    private readonly Channel<PendingVector> channel = Channel.CreateBounded<PendingVector>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public bool TryQueue(PendingVector pending)
    {
        Interlocked.Exchange(ref lastQueued, clock.GetTimestamp());
        return channel.Writer.TryWrite(pending);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        channel.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not stoppingToken: what was queued is written after the stop too, until the queue is empty (StopAsync
        // completed it) or the host's shutdown timeout ends the wait.
        while (await channel.Reader.WaitToReadAsync(CancellationToken.None))
        {
            await WhenCapturesPauseAsync(stoppingToken);
            var batch = new List<PendingVector>(BatchSize);
            while (batch.Count < BatchSize && channel.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                await vectors.SaveAsync(batch, CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "{Count} queued vectors not saved; the backfill computes them", batch.Count);
            }
        }
    }

    /// <summary>
    /// Returns once no capture was queued for <see cref="Pause"/>, after <see cref="MostDeferred"/>, or when
    /// <paramref name="stoppingToken"/> is cancelled: before each of this queue's batches and the backfill's.
    /// </summary>
    public async Task WhenCapturesPauseAsync(CancellationToken stoppingToken)
    {
        var started = clock.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested
               && clock.GetElapsedTime(Interlocked.Read(ref lastQueued)) < Pause
               && clock.GetElapsedTime(started) < MostDeferred)
        {
            await Task.Delay(Pause / 5, clock, CancellationToken.None);
        }
    }
}
