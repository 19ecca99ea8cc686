namespace CustomerPulseBot.Core.Signals;

/// <summary>Field names shared by validation errors and every capture form's input ids.</summary>
public static class CaptureField
{
    public const string Quote = "quote";
    public const string Customer = "customer";
    public const string Segment = "segment";
    public const string Source = "source";
    public const string Kind = "kind";
    public const string Stage = "stage";
    public const string Themes = "themes";
    public const string Severity = "severity";
    public const string EvidenceUrl = "evidence";
    public const string SaidOn = "said";
}
