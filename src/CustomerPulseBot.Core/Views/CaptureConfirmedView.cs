using CustomerPulseBot.Core.Meaning;
using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Core.Views;

/// <summary>
/// A signal was stored (or, when <paramref name="Edited"/>, changed in place; when <paramref name="AlreadySaved"/>, it
/// was the same capture sent again, and the one stored before stands); <paramref name="NewThemes"/> are the
/// theme names this capture created; <paramref name="LeftOut"/> the fields that could not be read and were
/// stored without, each with how to fix it. Every confirmation offers Undo and Edit. <paramref name="Meaning"/> is what
/// meaning found for a new capture: a theme to offer, the one tagged by itself, or a near-duplicate to merge.
/// <paramref name="Masked"/> is the personal data masked before saving, null when there was none.
/// </summary>
public sealed record CaptureConfirmedView(
    Signal Signal,
    IReadOnlyList<string> NewThemes,
    IReadOnlyList<FieldError>? LeftOut = null,
    bool Edited = false,
    bool AlreadySaved = false,
    CaptureMeaning? Meaning = null,
    PersonalDataFound? Masked = null) : View;
