namespace CustomerPulseBot.Core.Signals;

/// <summary>
/// A capture as typed, field by field, before validation: the one-line command and the capture forms
/// (Slack modal, Teams card, playground) all produce this, so one validator serves them all.
/// </summary>
public sealed record CaptureDraft(
    string Quote,
    string? Customer = null,
    string? Segment = null,
    string? Source = null,
    string? Kind = null,
    string? Stage = null,
    IReadOnlyList<string>? Themes = null,
    string? Severity = null,
    string? EvidenceUrl = null,
    string? SaidOn = null);
