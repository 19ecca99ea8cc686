namespace CustomerPulseBot.Core.Signals;

/// <summary>
/// A capture as typed, field by field, before validation: the one-line command and the capture forms
/// (Slack modal, Teams card, playground), the API and CSV imports all produce this, so one validator serves them all.
/// <paramref name="SaidOn"/> is a day as people type it; <paramref name="SaidAt"/> an exact moment (the API's and
/// imports' ISO 8601 timestamps), which wins when both are given.
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
    string? SaidOn = null,
    DateTimeOffset? SaidAt = null);
