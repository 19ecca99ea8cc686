namespace CustomerPulseBot.Web.Api;

/// <summary>
/// A signal as the API takes it. Every value is text (or a list of theme names) and is read by Core's capture validator,
/// as a form's fields are, so the API accepts what chat accepts ("high" or 3 for severity, "first-value" or "onboard").
/// <see cref="SaidAt"/> is an ISO 8601 date (the start of that day in the workspace's time zone) or date-time (UTC unless
/// it names an offset); <see cref="CapturedBy"/> a person's name, else the key's name.
/// </summary>
internal sealed record SignalInput(
    string? Quote,
    string? Customer = null,
    string? Segment = null,
    string? Source = null,
    string? Kind = null,
    string? Stage = null,
    string? Severity = null,
    IReadOnlyList<string>? Themes = null,
    string? SaidAt = null,
    string? Link = null,
    string? CapturedBy = null);
