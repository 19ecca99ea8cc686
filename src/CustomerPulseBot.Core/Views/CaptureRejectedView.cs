using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Core.Views;

/// <summary>Nothing was stored: what is wrong, field by field, and the text to send again.</summary>
public sealed record CaptureRejectedView(IReadOnlyList<FieldError> Errors, string OriginalText) : View;
