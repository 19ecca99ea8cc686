using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Meaning;

/// <summary>
/// Each workspace's <see cref="ThemeSuggester"/> and the tag a confident suggestion makes: shared by a capture's reply
/// (<see cref="MeaningFeatures"/>) and the background vectors of imported signals (<see cref="VectorBackfill"/>), so both
/// suggest alike and a suggester is built once for both.
/// </summary>
public sealed class ThemeSuggestions(IMeaningStore store, MeaningIndex index)
{
    /// <summary>
    /// The most tagged quotes a suggester learns from: its accuracy was tuned with 10 tagged quotes a theme (bench/README.md),
    /// so this keeps 10 for each of 300 themes, with a kernel of 36 MB.
    /// </summary>
    public const int MaxExamples = 3000;

    private readonly Lock gate = new();
    private readonly Dictionary<WorkspaceId, (int Version, ThemeSuggester Suggester)> suggesters = [];

    /// <summary>The workspace's suggester for the rows' version: built from the quotes people tagged (not suggestions).</summary>
    public ThemeSuggester For(WorkspaceId workspace, MeaningSnapshot rows)
    {
        lock (gate)
        {
            if (suggesters.TryGetValue(workspace, out var cached) && cached.Version == rows.Version)
            {
                return cached.Suggester;
            }
        }

        // Each theme's examples, newest first.
        var byTheme = new Dictionary<string, List<(DateTimeOffset At, int Row)>>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows.RowWithoutVector(i);
            foreach (var theme in MeaningIndex.ChosenThemes(row))
            {
                (byTheme.TryGetValue(theme, out var list) ? list : byTheme[theme] = []).Add((row.CapturedAt, i));
            }
        }

        var tagged = Examples(byTheme.ToDictionary(t => t.Key, t => t.Value.OrderByDescending(e => e.At).Select(e => e.Row).ToList()))
            .Select(e => (e.Theme, rows.Vector(e.Row).ToArray()))
            .ToList();
        var suggester = ThemeSuggester.Build(tagged);
        lock (gate)
        {
            suggesters[workspace] = (rows.Version, suggester);
        }

        return suggester;
    }

    /// <summary>
    /// At most <see cref="MaxExamples"/> tagged quotes, taken from each theme in turn, newest first: the suggester's memory
    /// and build time grow with the square and the cube of its examples, so a workspace of 100,000 imported, tagged quotes
    /// would otherwise need tens of gigabytes; turn by turn, a small theme keeps all its examples while a large one gives some up.
    /// </summary>
    internal static IEnumerable<(string Theme, int Row)> Examples(IReadOnlyDictionary<string, List<int>> byTheme)
    {
        var taken = 0;
        for (var turn = 0; taken < MaxExamples; turn++)
        {
            var any = false;
            foreach (var (theme, rows) in byTheme.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                if (turn < rows.Count && taken < MaxExamples)
                {
                    any = true;
                    taken++;
                    yield return (theme, rows[turn]);
                }
            }

            if (!any)
            {
                yield break;
            }
        }
    }

    /// <summary>Tags untagged signals with <paramref name="theme"/> as a confident suggestion, in the store and the index.</summary>
    public async Task AutoTagAsync(WorkspaceId workspace, IReadOnlyList<Guid> signalIds, string theme, CancellationToken ct)
    {
        await store.TagSignalsAsync(workspace, signalIds, theme, suggested: true, ct);
        foreach (var signalId in signalIds)
        {
            index.Change(workspace, signalId, r => r with { Themes = [theme], SuggestedThemes = [theme] });
        }
    }
}
