using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Meaning;

/// <summary>
/// What the meaning features keep, beside <see cref="IPulseStore"/> and in the same database: each signal's vector
/// (with the model that computed it), tags a confident suggestion made, and near-duplicates merged.
/// </summary>
public interface IMeaningStore
{
    /// <summary>Stores (or replaces) the vectors, each with <paramref name="model"/>; a signal deleted meanwhile is skipped.</summary>
    Task SaveVectorsAsync(IReadOnlyList<(WorkspaceId Workspace, Guid SignalId, float[] Vector)> vectors, string model, CancellationToken ct);

    /// <summary>
    /// Undeleted signals of any workspace without a vector of <paramref name="model"/>, by id after
    /// <paramref name="after"/> (null: from the start), at most <paramref name="limit"/>: a backfill resumes from the
    /// last id it stored.
    /// </summary>
    Task<IReadOnlyList<PendingVector>> FindSignalsWithoutVectorAsync(string model, Guid? after, int limit, CancellationToken ct);

    /// <summary>How many undeleted signals have no vector of <paramref name="model"/>: the backfill's progress.</summary>
    Task<int> CountSignalsWithoutVectorAsync(string model, CancellationToken ct);

    /// <summary>The workspace's undeleted signals that have a vector of <paramref name="model"/>.</summary>
    Task<IReadOnlyList<MeaningRow>> GetMeaningRowsAsync(WorkspaceId workspace, string model, CancellationToken ct);

    /// <summary>
    /// Tags the signals with <paramref name="theme"/> (created if new; an alias names its theme), as a person's choice
    /// when <paramref name="suggested"/> is false, or marked as a confident suggestion. A person's tag replaces a
    /// suggested one. Returns how many signals gained the tag.
    /// </summary>
    Task<int> TagSignalsAsync(WorkspaceId workspace, IReadOnlyList<Guid> signalIds, string theme, bool suggested, CancellationToken ct);

    /// <summary>Removes the tag <paramref name="theme"/> from the signal; true when it had it.</summary>
    Task<bool> UntagSignalAsync(WorkspaceId workspace, Guid signalId, string theme, CancellationToken ct);

    /// <summary>
    /// Merges <paramref name="duplicate"/> into <paramref name="original"/> as a near-duplicate: it stays stored and
    /// shown with its original, and is counted no more in rankings, trends, counts or digests. False when either is
    /// missing or deleted, or they are the same signal.
    /// </summary>
    Task<bool> MergeDuplicateAsync(WorkspaceId workspace, Guid duplicate, Guid original, CancellationToken ct);
}
