using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Web.Api;

/// <summary>A stored signal as the API shows it. <see cref="SuggestedThemes"/> are the themes a confident suggestion tagged rather than a person.</summary>
internal sealed record SignalOutput(
    Guid Id,
    string Quote,
    string? Customer,
    string? Segment,
    string? Source,
    SignalKind Kind,
    JourneyStage? Stage,
    Severity Severity,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> SuggestedThemes,
    DateTimeOffset SaidAt,
    DateTimeOffset CapturedAt,
    string? Link,
    string CapturedBy)
{
    public static SignalOutput From(Signal signal) => new(
        signal.Id, signal.Quote, signal.Customer, signal.Segment, signal.Source, signal.Kind, signal.Stage, signal.Severity,
        signal.Themes, signal.SuggestedThemes, Stored(signal.SaidAt), Stored(signal.CapturedAt), signal.EvidenceUrl, signal.CapturedBy.Name);

    /// <summary>
    /// A moment to the millisecond, which both databases keep (SQLite no finer): the answer to an add and every later
    /// read of the signal then agree.
    /// </summary>
    private static DateTimeOffset Stored(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
}
