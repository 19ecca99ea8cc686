using System.Threading.Channels;
using CustomerPulseBot.Core.Meaning;

namespace CustomerPulseBot.Web.Meaning;

/// <summary>
/// The captures whose reply had no time left for their vector, computed here within seconds, in batches. Bounded: a
/// capture the full queue refuses (a burst, an import) is left to the backfill, as is anything still queued when a host
/// dies; on an orderly shutdown the queue takes no more and is drained first.
/// </summary>
internal sealed class VectorQueue(VectorBackfill vectors, ILogger<VectorQueue> logger) : BackgroundService, IVectorQueue
{
    public const int Capacity = 2000;

    private const int BatchSize = 32;

    private readonly Channel<PendingVector> channel = Channel.CreateBounded<PendingVector>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public bool TryQueue(PendingVector pending) => channel.Writer.TryWrite(pending);

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
}
