namespace CustomerPulseBot.ImportBench;

/// <summary>One signal as a CSV row or a JSON object carries it: the import columns, in their order, and who captured it.</summary>
internal sealed record ImportRow(
    string Quote,
    string? Customer,
    string Segment,
    string Source,
    string Kind,
    string? Stage,
    string Severity,
    IReadOnlyList<string> Themes,
    DateTimeOffset SaidAt,
    string? Link,
    string CapturedBy);
