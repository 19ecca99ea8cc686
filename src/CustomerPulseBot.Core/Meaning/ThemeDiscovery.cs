namespace CustomerPulseBot.Core.Meaning;

/// <summary>
/// A group of quotes found together: their indexes in the input, a proposed theme name from their words
/// (a valid <see cref="Themes.ThemeName"/>), and the indexes of the quotes that show it best, best first.
/// </summary>
public sealed record DiscoveredGroup(IReadOnlyList<int> Members, string Name, IReadOnlyList<int> Representatives);

/// <summary>Groups quotes by meaning without being told how many groups there are.</summary>
public static class ThemeDiscovery
{
    // CONTRACT (issue 9): implemented by the algorithms helper; the signature is fixed.

    /// <summary>
    /// The groups among the quotes (<paramref name="texts"/>[i] has <paramref name="vectors"/>[i]), largest first;
    /// quotes that belong to no group are in none. <paramref name="takenNames"/> are names a proposal must not reuse.
    /// </summary>
    public static IReadOnlyList<DiscoveredGroup> Discover(
        IReadOnlyList<float[]> vectors, IReadOnlyList<string> texts, IReadOnlySet<string> takenNames) => throw new NotImplementedException();
}
