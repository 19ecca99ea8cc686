namespace CustomerPulseBot.Core.Meaning;

/// <summary>A theme a quote looks like, how close it is (0–1), and whether it is sure enough to tag by itself.</summary>
public sealed record ThemeGuess(string Theme, float Score, bool Confident);

/// <summary>
/// Suggests a theme for a quote from the quotes people tagged. Built once per workspace state, then asked for many
/// quotes from any thread.
/// </summary>
public sealed class ThemeSuggester
{
    // CONTRACT (issue 9): implemented by the algorithms helper; the signatures are fixed.
    private ThemeSuggester()
    {
    }

    /// <summary>A suggester over the tagged examples (a theme per vector; a quote with two themes gives two).</summary>
    public static ThemeSuggester Build(IEnumerable<(string Theme, float[] Vector)> tagged) => throw new NotImplementedException();

    /// <summary>The best theme for the quote, or null when none is close enough to offer.</summary>
    public ThemeGuess? Suggest(ReadOnlySpan<float> vector) => throw new NotImplementedException();
}
