namespace CustomerPulseBot.Core.Meaning;

/// <summary>
/// Where a capture's quote goes when its reply has no time left to compute its vector: the host computes it in the
/// background within seconds. A quote the queue refuses (full, or shutting down) is left to the backfill.
/// </summary>
public interface IVectorQueue
{
    /// <summary>False when the queue is full or closed.</summary>
    bool TryQueue(PendingVector pending);
}
