using System.Collections.Concurrent;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Meaning;

/// <summary>
/// Each workspace's <see cref="MeaningRow"/>s in memory, loaded from <see cref="IMeaningStore"/> at the first use, their
/// vectors side by side in one array (row i at [i × dimensions, (i + 1) × dimensions)) and compared with SIMD. This
/// host's own writes change it at once (<see cref="Put"/>, <see cref="Change"/>); other hosts' writes and deletes are
/// seen within <see cref="FreshFor"/>: a workspace read after that is loaded again in the background while the
/// answer comes from what is held, and the writes made here meanwhile are applied to the new load too. A workspace
/// nobody asked about for <see cref="IdleFor"/> is dropped. Memory: a signal holds its vector (4 bytes a dimension,
/// 1,536 for 384) and its row without the vector (the quote and a few small fields, a few hundred bytes).
/// </summary>
public sealed class MeaningIndex(IMeaningStore store, ITextEncoder encoder, TimeProvider clock)
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan IdleFor = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<WorkspaceId, Holder> workspaces = new();

    /// <summary>
    /// The workspace's rows, loaded if need be (the load goes on if <paramref name="ct"/> gives up: the next caller
    /// finds it). Stale rows are returned at once while a fresh load runs.
    /// </summary>
    public async Task<MeaningSnapshot> GetAsync(WorkspaceId workspace, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        DropIdle(now);
        var holder = workspaces.GetOrAdd(workspace, _ => new Holder());
        holder.UsedAt = now;
        Task loading;
        lock (holder)
        {
            if (holder.Rows is { } rows && (now - holder.LoadedAt < FreshFor || holder.Loading is not null))
            {
                return rows.Snapshot();
            }

            holder.Loading ??= LoadAsync(workspace, holder);
            if (holder.Rows is { } stale)
            {
                return stale.Snapshot();
            }

            loading = holder.Loading;
        }

        await loading.WaitAsync(ct);
        lock (holder)
        {
            return holder.Rows!.Snapshot(); // LoadAsync sets it before it completes without fault
        }
    }

    /// <summary>The workspace's rows if they are in memory now, without loading them.</summary>
    public MeaningSnapshot? Peek(WorkspaceId workspace)
    {
        if (!workspaces.TryGetValue(workspace, out var holder))
        {
            return null;
        }

        lock (holder)
        {
            return holder.Rows?.Snapshot();
        }
    }

    /// <summary>Adds or replaces a row this host wrote (its vector saved).</summary>
    public void Put(WorkspaceId workspace, MeaningRow row) => Apply(workspace, new Write(row.SignalId, row, null));

    /// <summary>Changes a row this host changed in the store (tags, a merge); nothing if the row is not held.</summary>
    public void Change(WorkspaceId workspace, Guid signalId, Func<MeaningRow, MeaningRow> change) =>
        Apply(workspace, new Write(signalId, null, change));

    /// <summary>
    /// Loads the workspace again at its next use (serving what is held meanwhile): for vectors this host saved without
    /// the whole row at hand (the queue, the backfill).
    /// </summary>
    public void Invalidate(WorkspaceId workspace)
    {
        if (workspaces.TryGetValue(workspace, out var holder))
        {
            lock (holder)
            {
                holder.LoadedAt = DateTimeOffset.MinValue;
            }
        }
    }

    /// <summary>
    /// The themes people chose for the row (not a suggestion's), none for a merged near-duplicate: what suggestions are
    /// learnt from, and what <see cref="MeaningSnapshot.Version"/> follows.
    /// </summary>
    public static IEnumerable<string> ChosenThemes(MeaningRow row) =>
        row.DuplicateOf is null ? row.Themes.Except(row.SuggestedThemes) : [];

    private void Apply(WorkspaceId workspace, Write write)
    {
        if (!workspaces.TryGetValue(workspace, out var holder))
        {
            return; // loaded from the store when first asked, with this write in it
        }

        lock (holder)
        {
            holder.Rows?.Apply(write);
            if (holder.Loading is not null)
            {
                holder.WrittenWhileLoading.Add(write);
            }
        }
    }

    private async Task LoadAsync(WorkspaceId workspace, Holder holder)
    {
        try
        {
            var started = clock.GetUtcNow();
            var rows = await store.GetMeaningRowsAsync(workspace, encoder.Model, CancellationToken.None);
            var loaded = new Rows(encoder.Dimensions, rows);
            lock (holder)
            {
                // Writes made here after the read began may be missing from it: applied again, as they are idempotent.
                foreach (var write in holder.WrittenWhileLoading)
                {
                    loaded.Apply(write);
                }

                holder.WrittenWhileLoading.Clear();
                loaded.Version = (holder.Rows?.Version ?? 0) + 1;
                holder.Rows = loaded;
                holder.LoadedAt = started;
                holder.Loading = null;
            }
        }
        catch
        {
            lock (holder)
            {
                holder.WrittenWhileLoading.Clear();
                holder.Loading = null;
            }

            throw;
        }
    }

    private void DropIdle(DateTimeOffset now)
    {
        foreach (var (workspace, holder) in workspaces)
        {
            if (now - holder.UsedAt > IdleFor)
            {
                workspaces.TryRemove(workspace, out _);
            }
        }
    }

    private sealed record Write(Guid SignalId, MeaningRow? Row, Func<MeaningRow, MeaningRow>? Change);

    private sealed class Holder
    {
        public Rows? Rows { get; set; }

        public DateTimeOffset LoadedAt { get; set; }

        public DateTimeOffset UsedAt { get; set; }

        public Task? Loading { get; set; }

        public List<Write> WrittenWhileLoading { get; } = [];
    }

    /// <summary>
    /// The rows and their vectors, changed only under the holder's lock. Arrays only grow into new ones and rows are
    /// replaced whole, so a snapshot (the arrays and the count when taken) stays valid while writes go on.
    /// </summary>
    private sealed class Rows
    {
        private readonly int dimensions;
        private readonly Dictionary<Guid, int> positions = [];
        private MeaningRow[] rows;
        private float[] vectors;
        private int count;

        public Rows(int dimensions, IReadOnlyList<MeaningRow> loaded)
        {
            this.dimensions = dimensions;
            rows = new MeaningRow[Math.Max(loaded.Count, 16)];
            vectors = new float[rows.Length * dimensions];
            foreach (var row in loaded)
            {
                Apply(new Write(row.SignalId, row, null));
            }
        }

        /// <summary>Counts changes of the themes people chose (<see cref="ChosenThemes"/>): what is built from them is built again.</summary>
        public int Version { get; set; }

        public MeaningSnapshot Snapshot() => new(rows, vectors, count, dimensions, Version);

        public void Apply(Write write)
        {
            var known = positions.TryGetValue(write.SignalId, out var at);
            MeaningRow row;
            if (write.Row is { } put)
            {
                row = put;
                if (row.Vector.Length != dimensions)
                {
                    throw new ArgumentException($"A vector of {dimensions} dimensions was expected, not {row.Vector.Length}.", nameof(write));
                }
            }
            else if (known)
            {
                row = write.Change!(rows[at]); // a write without a row carries a change
            }
            else
            {
                return;
            }

            if (!known)
            {
                at = count;
                Grow();
                positions[row.SignalId] = at;
                count++;
            }

            // Only what suggestions are learnt from: a suggestion's tag or an untagged capture does not make them rebuild.
            if (!ChosenThemes(row).SequenceEqual(known ? ChosenThemes(rows[at]) : []))
            {
                Version++;
            }

            if (write.Row is not null)
            {
                row.Vector.CopyTo(vectors.AsSpan(at * dimensions, dimensions));
            }

            // The row keeps no vector of its own: the one array holds them all, once.
            rows[at] = row with { Vector = [] };
        }

        private void Grow()
        {
            if (count < rows.Length)
            {
                return;
            }

            var bigger = rows.Length * 2;
            var newRows = new MeaningRow[bigger];
            Array.Copy(rows, newRows, count);
            var newVectors = new float[bigger * dimensions];
            Array.Copy(vectors, newVectors, count * dimensions);
            rows = newRows;
            vectors = newVectors;
        }
    }
}
