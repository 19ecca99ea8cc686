namespace CustomerPulseBot.Web.Api.Csv;

/// <summary>
/// A CSV body that cannot be taken as a whole (unreadable, a header to fix, too large): <paramref name="Status"/> is the
/// answer's (400 or 413), the message says what and where; <see cref="Line"/> is the line it starts on, when known.
/// </summary>
internal sealed class CsvRefusedException(int status, string detail, long? line = null) : Exception(detail)
{
    public int Status { get; } = status;

    public long? Line { get; } = line;
}
