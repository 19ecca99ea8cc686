using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Web.Api.Csv;

/// <summary>The signals CSV's columns, the same for import and export, and how they map to a capture's fields.</summary>
internal static class SignalCsv
{
    public const string Quote = "quote";
    public const string Customer = "customer";
    public const string Segment = "segment";
    public const string Source = "source";
    public const string Kind = "kind";
    public const string Stage = "stage";
    public const string Severity = "severity";
    public const string Themes = "themes";
    public const string SaidAt = "said_at";
    public const string Link = "link";

    /// <summary>Export order; an import may have them in any order, and all but the quote may be left out.</summary>
    public static readonly IReadOnlyList<string> Columns = [Quote, Customer, Segment, Source, Kind, Stage, Severity, Themes, SaidAt, Link];

    /// <summary>Themes share one cell, separated by this.</summary>
    public const char ThemeSeparator = ';';

    /// <summary>The column a validation error's field was read from.</summary>
    public static string ColumnOf(string field) => field switch
    {
        CaptureField.EvidenceUrl => Link,
        CaptureField.SaidOn => SaidAt,
        _ => field,
    };
}
