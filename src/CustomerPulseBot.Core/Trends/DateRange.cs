namespace CustomerPulseBot.Core.Trends;

/// <summary>A half-open span of time [Start, End).</summary>
public sealed record DateRange(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Length => End - Start;

    public bool Contains(DateTimeOffset at) => at >= Start && at < End;
}
