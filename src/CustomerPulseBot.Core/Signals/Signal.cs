using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Signals;

/// <summary>
/// One piece of customer evidence. <paramref name="Quote"/> is verbatim; <paramref name="Themes"/> holds
/// normalised theme names (see <see cref="Themes.ThemeName"/>). <paramref name="SaidAt"/> is when the
/// customer said it (the capture time unless given), and is what periods filter on.
/// </summary>
public sealed record Signal(
    Guid Id,
    WorkspaceId WorkspaceId,
    string Quote,
    string? Customer,
    string? Segment,
    string? Source,
    SignalKind Kind,
    JourneyStage? Stage,
    IReadOnlyList<string> Themes,
    Severity Severity,
    string? EvidenceUrl,
    ChatUser CapturedBy,
    string? CapturedIn,
    DateTimeOffset SaidAt,
    DateTimeOffset CapturedAt,
    string? SourcePermalink)
{
    /// <summary>
    /// The subset of <see cref="Themes"/> a confident suggestion tagged rather than a person: shown with a mark, and
    /// removable in one click.
    /// </summary>
    public IReadOnlyList<string> SuggestedThemes { get; init; } = [];

    /// <summary>The id as people type it (<c>delete 3f9c2a71</c>): the last 8 hex digits, the random part of a version 7 id.</summary>
    public string ShortId => Id.ToString("N")[^8..];
}
