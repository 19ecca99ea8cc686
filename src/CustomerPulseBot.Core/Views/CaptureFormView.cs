using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Core.Views;

/// <summary>
/// The capture form, prefilled from <paramref name="Draft"/> (a shared message, or what was typed
/// before a validation error) with <paramref name="Errors"/> shown beside their fields. <paramref name="Editing"/>
/// names the signal the form saves in place (Edit); null stores a new one.
/// </summary>
public sealed record CaptureFormView(
    CaptureDraft Draft,
    IReadOnlyList<string> KnownThemes,
    IReadOnlyList<FieldError> Errors,
    string? SourcePermalink = null,
    Guid? Editing = null) : View
{
    public static CaptureFormView Empty(IReadOnlyList<string> knownThemes) => new(new CaptureDraft(""), knownThemes, []);
}
