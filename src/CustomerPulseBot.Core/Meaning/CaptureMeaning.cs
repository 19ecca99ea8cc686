using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Core.Meaning;

/// <summary>
/// What meaning adds to a capture's reply: a theme to offer (<see cref="Suggestion"/>), or the theme tagged by
/// itself (<see cref="AutoTagged"/>, removable in one click), and a recent quote from the same customer it nearly
/// repeats (<see cref="NearDuplicate"/>). <see cref="None"/> when the vector was not ready within the reply's time:
/// it follows in the background.
/// </summary>
public sealed record CaptureMeaning(ThemeGuess? Suggestion, string? AutoTagged, MeaningRow? NearDuplicate)
{
    public static CaptureMeaning None { get; } = new(null, null, null);

    /// <summary>The signal as answers show it from now on: with the tag a confident suggestion made, marked as suggested.</summary>
    public Signal Shown(Signal signal) => AutoTagged is { } tagged && !signal.Themes.Contains(tagged)
        ? signal with { Themes = [.. signal.Themes, tagged], SuggestedThemes = [.. signal.SuggestedThemes, tagged] }
        : signal;
}
