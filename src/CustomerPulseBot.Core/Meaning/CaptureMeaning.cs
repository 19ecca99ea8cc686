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
}
