using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Meaning;

/// <summary>
/// Each workspace's <see cref="ThemeSuggester"/> and the tag a confident suggestion makes: shared by a capture's reply
/// (<see cref="MeaningFeatures"/>) and the background vectors of imported signals (<see cref="VectorBackfill"/>), so both
/// suggest alike and a suggester is built once for both.
/// </summary>
public sealed class ThemeSuggestions(IMeaningStore store, MeaningIndex index)
{
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

        var tagged = new List<(string Theme, float[] Vector)>();
        for (var i = 0; i < rows.Count; i++)
        {
            foreach (var theme in MeaningIndex.ChosenThemes(rows.RowWithoutVector(i)))
            {
                tagged.Add((theme, rows.Vector(i).ToArray()));
            }
        }

        var suggester = ThemeSuggester.Build(tagged);
        lock (gate)
        {
            suggesters[workspace] = (rows.Version, suggester);
        }

        return suggester;
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
