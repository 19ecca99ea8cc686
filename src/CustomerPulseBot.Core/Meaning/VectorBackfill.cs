using System.Diagnostics;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Core.Meaning;

/// <summary>
/// Computes the vectors signals lack, in batches: for the capture-time queue and for the backfill of existing and
/// imported signals. The backfill pages by id, so a run stopped anywhere leaves the rest to the next, which finds
/// exactly what is still missing. It never tags: only a queued <see cref="PendingVector.AutoTag"/> does.
/// </summary>
public sealed class VectorBackfill(
    ITextEncoder encoder, IMeaningStore store, MeaningIndex index, ThemeSuggestions suggestions, ILogger<VectorBackfill> logger)
{
    /// <summary>Quotes encoded and saved together: large enough for the encoder's batching, small enough to lose little when stopped.</summary>
    public const int BatchSize = 256;

    /// <summary>How often the backfill reports its progress.</summary>
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Encodes and saves the vectors of <paramref name="pending"/>, and tags those marked <see cref="PendingVector.AutoTag"/>
    /// that a confident suggestion fits; the workspaces' indexes load the vectors at next use.
    /// </summary>
    public async Task SaveAsync(IReadOnlyList<PendingVector> pending, CancellationToken ct)
    {
        if (pending.Count == 0)
        {
            return;
        }

        var vectors = encoder.Encode(pending.Select(p => p.Quote).ToList());
        await store.SaveVectorsAsync(pending.Select((p, i) => (p.Workspace, p.SignalId, vectors[i])).ToList(), encoder.Model, ct);
        foreach (var workspace in pending.Select(p => p.Workspace).Distinct())
        {
            index.Invalidate(workspace);
            var untagged = pending.Select((p, i) => (p, vectors[i])).Where(x => x.p.Workspace == workspace && x.p.AutoTag).ToList();
            await AutoTagAsync(workspace, untagged, ct);
        }
    }

    /// <summary>
    /// Tags each signal with its theme where the suggestion is confident. The suggester comes from the rows held in
    /// memory when there are any (they may lack the latest tags until a capture or a search loads the workspace again)
    /// rather than a load of the whole workspace per batch. A failure leaves the signals untagged, their vectors saved.
    /// </summary>
    private async Task AutoTagAsync(
        WorkspaceId workspace, IReadOnlyList<(PendingVector Pending, float[] Vector)> untagged, CancellationToken ct)
    {
        if (untagged.Count == 0)
        {
            return;
        }

        try
        {
            var suggester = suggestions.For(workspace, index.Peek(workspace) ?? await index.GetAsync(workspace, ct));
            var confident = untagged
                .Select(u => (u.Pending.SignalId, Guess: suggester.Suggest(u.Vector)))
                .Where(u => u.Guess is { Confident: true })
                .GroupBy(u => u.Guess!.Theme, u => u.SignalId); // Where kept only confident guesses
            foreach (var theme in confident)
            {
                await suggestions.AutoTagAsync(workspace, theme.ToList(), theme.Key, ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "No theme suggestions for {Count} signals in workspace {WorkspaceId}", untagged.Count, workspace);
        }
    }

    /// <summary>
    /// Every signal without a vector of this model, batch by batch, reporting progress to <paramref name="report"/> and
    /// the log every few seconds and at the end. Returns how many it computed. <paramref name="beforeBatch"/>, when given,
    /// is awaited before each batch: the host's way to hold the encoding back while captures are coming in.
    /// </summary>
    public async Task<int> RunAsync(Action<BackfillProgress> report, CancellationToken ct, Func<CancellationToken, Task>? beforeBatch = null)
    {
        var total = await store.CountSignalsWithoutVectorAsync(encoder.Model, ct);
        var started = Stopwatch.GetTimestamp();
        var reported = started;
        var done = 0;
        Guid? after = null;
        logger.LogInformation("Vector backfill: {Total} signals without a vector of {Model}", total, encoder.Model);
        while (true)
        {
            var page = await store.FindSignalsWithoutVectorAsync(encoder.Model, after, BatchSize, ct);
            if (page.Count == 0)
            {
                break;
            }

            if (beforeBatch is not null)
            {
                await beforeBatch(ct);
            }

            await SaveAsync(page, ct);
            after = page[^1].SignalId;
            done += page.Count;
            if (Stopwatch.GetElapsedTime(reported) >= ReportEvery)
            {
                reported = Stopwatch.GetTimestamp();
                Report(report, done, total, Stopwatch.GetElapsedTime(started));
            }
        }

        Report(report, done, Math.Max(total, done), Stopwatch.GetElapsedTime(started));
        return done;
    }

    private void Report(Action<BackfillProgress> report, int done, int total, TimeSpan elapsed)
    {
        var progress = new BackfillProgress(done, Math.Max(total, done), elapsed);
        logger.LogInformation("Vector backfill: {Done} of {Total} done, {Rate:0} a second", progress.Done, progress.Total, progress.PerSecond);
        report(progress);
    }
}
