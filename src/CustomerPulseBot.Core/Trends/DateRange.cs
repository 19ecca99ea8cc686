using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Trends;

/// <summary>A half-open span of time [Start, End).</summary>
public sealed record DateRange(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Length => End - Start;

    public bool Contains(DateTimeOffset at) => at >= Start && at < End;

    /// <summary>The first and last days the range touches in <paramref name="zone"/>; an empty range (a period wholly in the future) touches its first day.</summary>
    public (DateOnly First, DateOnly Last) Days(TimeZoneInfo zone)
    {
        var first = Zones.DayOf(Start, zone);
        return (first, End > Start ? Zones.DayOf(End.AddTicks(-1), zone) : first);
    }
}
