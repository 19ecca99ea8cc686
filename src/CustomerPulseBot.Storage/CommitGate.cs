namespace CustomerPulseBot.Storage;

/// <summary>
/// Decides, once, between a write's commit and its caller giving up: the commit is sent only while the caller still
/// waits, and a caller that gives up first is told "not saved" truthfully, since the commit then never goes.
/// </summary>
internal sealed class CommitGate
{
    private const int Open = 0;
    private const int Committing = 1;
    private const int Abandoned = 2;

    private int state = Open;

    /// <summary>True when the commit may be sent; false when the caller gave up first.</summary>
    public bool TryCommit() => Interlocked.CompareExchange(ref state, Committing, Open) != Abandoned;

    /// <summary>True when the commit will never be sent; false when it was sent already.</summary>
    public bool TryAbandon() => Interlocked.CompareExchange(ref state, Abandoned, Open) != Committing;
}
