namespace CustomerPulseBot.Core.Meaning;

/// <summary>
/// An undeleted signal as the meaning features see it: its vector, its themes (<paramref name="SuggestedThemes"/> is
/// the subset tagged by a confident suggestion rather than a person), and what near-duplicates and discovery need.
/// <paramref name="DuplicateOf"/> is the signal it was merged into as a near-duplicate, which alone counts.
/// </summary>
public sealed record MeaningRow(
    Guid SignalId,
    string Quote,
    float[] Vector,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> SuggestedThemes,
    string? Customer,
    string? CustomerKey,
    DateTimeOffset SaidAt,
    DateTimeOffset CapturedAt,
    Guid? DuplicateOf);
