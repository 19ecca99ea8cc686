using System.Diagnostics;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Core.Meaning;

/// <summary>
/// The meaning features over a workspace's <see cref="MeaningIndex"/>: what a capture's reply adds, discovery and
/// search by meaning. Quotes never reach the log (they are personal data): failures are logged by signal id.
/// </summary>
public sealed class MeaningFeatures(
    ITextEncoder encoder,
    IMeaningStore meaningStore,
    IPulseStore store,
    MeaningIndex index,
    ThemeSuggestions suggestions,
    TimeProvider clock,
    ILogger<MeaningFeatures> logger,
    IVectorQueue? queue = null) : IMeaning
{
    /// <summary>How far back a near-duplicate from the same customer is looked for.</summary>
    public static readonly TimeSpan NearDuplicateWindow = TimeSpan.FromDays(30);

    /// <summary>
    /// Below this similarity a quote is no answer to a search: with all-MiniLM-L6-v2, paraphrases of one complaint score
    /// about 0.35–0.7 against a short query, unrelated quotes of the same product below 0.25.
    /// </summary>
    public const float MinSearchSimilarity = 0.3f;

    /// <summary>Discovery groups at most this many untagged quotes of a period, the newest: its work grows with their square.</summary>
    public const int MaxDiscovered = 3000;

    /// <summary>
    /// A search filter naming what rows do not carry (segment, kind, customer...) asks the store which signals pass, at
    /// most this many, the newest.
    /// </summary>
    public const int MaxFilteredInStore = 10_000;

    /// <summary>
    /// What a capture's reply keeps for saving the vector and the tag after encoding: the encoding runs on the caller's
    /// thread only when this much and the slowest recent encoding are left of <see cref="ReplyDeadline.Work"/>.
    /// </summary>
    private static readonly TimeSpan AfterEncoding = TimeSpan.FromMilliseconds(400);

    /// <summary>
    /// Captures being handled now. A capture encodes its quote on its request thread only when it is the only one: in a
    /// burst the vectors go to the queue, which waits for the burst to pass, so the replies do not queue for the CPU
    /// (an encoding costs 5–10 ms of it); those replies lack the suggestion.
    /// </summary>
    private int capturesInFlight;

    /// <summary>The slowest of the recent encodings (decaying, so that one slow start does not last), in ticks.</summary>
    private long slowEncodingTicks = TimeSpan.FromMilliseconds(25).Ticks;

    public async Task<CaptureMeaning> AfterCaptureAsync(Workspace workspace, Signal signal, CancellationToken ct)
    {
        var alone = Interlocked.Increment(ref capturesInFlight) == 1;
        try
        {
            return await AfterCaptureAsync(workspace, signal, alone, ct);
        }
        finally
        {
            Interlocked.Decrement(ref capturesInFlight);
        }
    }

    private async Task<CaptureMeaning> AfterCaptureAsync(Workspace workspace, Signal signal, bool alone, CancellationToken ct)
    {
        var pending = new PendingVector(workspace.Id, signal.Id, signal.Quote);
        var left = signal.CapturedAt + ReplyDeadline.Work - clock.GetUtcNow();
        if (ct.IsCancellationRequested || left < AfterEncoding + TimeSpan.FromTicks(Interlocked.Read(ref slowEncodingTicks))
            || !alone)
        {
            Queue(pending);
            return CaptureMeaning.None;
        }

        float[] vector;
        try
        {
            vector = Encode(signal.Quote);
            await meaningStore.SaveVectorsAsync([(workspace.Id, signal.Id, vector)], encoder.Model, ct);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "No vector for signal {SignalId} in workspace {WorkspaceId} at capture; queued", signal.Id, workspace.Id);
            Queue(pending);
            return CaptureMeaning.None;
        }

        try
        {
            var row = new MeaningRow(signal.Id, signal.Quote, vector, signal.Themes, [], signal.Customer, CustomerKey(signal.Customer),
                signal.SaidAt, signal.CapturedAt, null);
            index.Put(workspace.Id, row);
            // A workspace not in memory yet is loaded while the reply can wait, and otherwise for the next capture.
            var wait = signal.CapturedAt + ReplyDeadline.Work - AfterEncoding - clock.GetUtcNow();
            var rows = await index.GetAsync(workspace.Id, CancellationToken.None).WaitAsync(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, clock, ct);
            var nearDuplicate = NearDuplicateOf(rows, row);
            if (signal.Themes.Count > 0 || suggestions.For(workspace.Id, rows).Suggest(vector) is not { } guess)
            {
                return new CaptureMeaning(null, null, nearDuplicate);
            }

            if (guess.Confident && workspace.AutoTag)
            {
                await suggestions.AutoTagAsync(workspace.Id, [signal.Id], guess.Theme, ct);
                return new CaptureMeaning(null, guess.Theme, nearDuplicate);
            }

            return new CaptureMeaning(guess, null, nearDuplicate);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "No suggestion for signal {SignalId} in workspace {WorkspaceId}", signal.Id, workspace.Id);
            return CaptureMeaning.None;
        }
    }

    public async Task<IReadOnlyList<CandidateTheme>> DiscoverAsync(WorkspaceId workspace, DateRange period, CancellationToken ct)
    {
        try
        {
            var rows = await index.GetAsync(workspace, ct);
            var untagged = Enumerable.Range(0, rows.Count)
                .Where(i => rows.RowWithoutVector(i) is { Themes.Count: 0, DuplicateOf: null } row && period.Contains(row.SaidAt))
                .OrderByDescending(i => rows.RowWithoutVector(i).SaidAt)
                .Take(MaxDiscovered)
                .ToList();
            if (untagged.Count < 2)
            {
                return [];
            }

            var taken = (await store.GetThemesAsync(workspace, ct)).SelectMany(t => t.Aliases.Prepend(t.Name)).ToHashSet();
            var groups = ThemeDiscovery.Discover(
                untagged.Select(i => rows.Vector(i).ToArray()).ToList(),
                untagged.Select(i => rows.RowWithoutVector(i).Quote).ToList(),
                taken);
            return groups
                .Select(g =>
                {
                    var members = g.Members.Select(m => rows.RowWithoutVector(untagged[m])).ToList();
                    return new CandidateTheme(
                        g.Name,
                        members.Select(m => m.SignalId).ToList(),
                        members.Select(m => m.CustomerKey).OfType<string>().Distinct().Count(),
                        g.Representatives.Take(2).Select(r => rows.Row(untagged[r])).ToList());
                })
                .OrderByDescending(c => c.Size)
                .ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "No discovery in workspace {WorkspaceId}", workspace);
            return [];
        }
    }

    public async Task<IReadOnlyList<(Guid SignalId, float Score)>> SearchAsync(
        WorkspaceId workspace, string text, SignalFilter filter, int limit, CancellationToken ct)
    {
        try
        {
            if (string.IsNullOrWhiteSpace(text) || limit <= 0)
            {
                return [];
            }

            var rows = await index.GetAsync(workspace, ct);
            var include = await FilterAsync(workspace, filter, ct);
            var query = Encode(text);
            return rows.Nearest(query, limit, MinSearchSimilarity, include)
                .Select(found => (rows.RowWithoutVector(found.Index).SignalId, found.Similarity))
                .ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "No search by meaning in workspace {WorkspaceId}", workspace);
            return [];
        }
    }

    /// <summary>
    /// The rows <paramref name="filter"/> allows, its text aside, as <see cref="SignalFilter"/> means it: the period and the
    /// theme (an alias names its theme) checked on each row; anything else the rows do not carry is asked of the store.
    /// </summary>
    private async Task<Func<MeaningRow, bool>> FilterAsync(WorkspaceId workspace, SignalFilter filter, CancellationToken ct)
    {
        string? theme = null;
        if (filter.Theme is { } named)
        {
            theme = (await store.FindThemeAsync(workspace, named, ct))?.Name;
            if (theme is null)
            {
                return _ => false;
            }
        }

        HashSet<Guid>? allowed = null;
        var rest = filter with { Text = null, Range = null, Theme = null };
        if (rest != new SignalFilter())
        {
            allowed = (await store.FindSignalsAsync(workspace, filter with { Text = null }, MaxFilteredInStore, ct)).Select(s => s.Id).ToHashSet();
        }

        return row => row.DuplicateOf is null
            && (filter.Range is not { } range || range.Contains(row.SaidAt))
            && (theme is null || row.Themes.Contains(theme))
            && (allowed is null || allowed.Contains(row.SignalId));
    }

    /// <summary>The most similar recent quote of the same customer that <see cref="NearDuplicates.Are"/> says it repeats.</summary>
    private static MeaningRow? NearDuplicateOf(MeaningSnapshot rows, MeaningRow row)
    {
        if (row.CustomerKey is not { } customer)
        {
            return null;
        }

        var since = row.CapturedAt - NearDuplicateWindow;
        var candidates = rows.Nearest(row.Vector, 5, include: r =>
            r.CustomerKey == customer && r.SignalId != row.SignalId && r.DuplicateOf is null && r.CapturedAt >= since);
        return candidates
            .Where(c => NearDuplicates.Are(row.Vector, row.Quote, rows.Vector(c.Index), rows.RowWithoutVector(c.Index).Quote))
            .Select(c => rows.Row(c.Index))
            .FirstOrDefault();
    }

    private float[] Encode(string text)
    {
        var started = Stopwatch.GetTimestamp();
        var vector = encoder.Encode(text);
        var took = Stopwatch.GetElapsedTime(started).Ticks;
        // The slowest recent encoding, halving towards each new one that is faster.
        long seen, next;
        do
        {
            seen = Interlocked.Read(ref slowEncodingTicks);
            next = Math.Max(took, (seen + took) / 2);
        }
        while (Interlocked.CompareExchange(ref slowEncodingTicks, next, seen) != seen);
        return vector;
    }

    private void Queue(PendingVector pending)
    {
        if (queue?.TryQueue(pending) != true)
        {
            logger.LogInformation("Signal {SignalId} in workspace {WorkspaceId} left to the vector backfill", pending.SignalId, pending.Workspace);
        }
    }

    /// <summary>The customer's key as the store writes it until the next load resolves merged names.</summary>
    private static string? CustomerKey(string? customer) =>
        string.IsNullOrWhiteSpace(customer) ? null : customer.Trim().ToLowerInvariant();
}
