namespace CustomerPulseBot.Core.Workspaces;

/// <summary>
/// Time zones, read one way everywhere: which zone an id names, which zone applies when several may (the first
/// known of those given, else UTC), what day it is there, and which instant a local time names when the clocks change.
/// </summary>
public static class Zones
{
    /// <summary>For the errors of anyone who typed a zone: real ids, one per continent most people write from.</summary>
    public const string Examples = "Europe/Berlin, America/New_York or Asia/Kolkata";

    /// <summary>
    /// The zone an IANA id names, in any case ("europe/berlin"); a Windows id ("W. Europe Standard Time") too where
    /// the runtime can convert it (with ICU: not under invariant globalization on Linux), read as its IANA zone so
    /// what is stored and shown is always an IANA id. Null when no zone has the id.
    /// </summary>
    public static TimeZoneInfo? Find(string? id)
    {
        var typed = id?.Trim() ?? "";
        if (typed.Length == 0)
        {
            return null;
        }

        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(typed, out var found)
            ? found
            : TimeZoneInfo.GetSystemTimeZones().FirstOrDefault(z => string.Equals(z.Id, typed, StringComparison.OrdinalIgnoreCase));
        return zone is { HasIanaId: false }
            && TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana)
            && TimeZoneInfo.TryFindSystemTimeZoneById(iana, out var named)
            ? named
            : zone;
    }

    /// <summary>
    /// The zone of the first id a zone has, in the order given (a person's own, then the workspace's), else UTC:
    /// an id no zone has is passed over, so a stale or foreign id never stops an answer.
    /// </summary>
    public static TimeZoneInfo For(params ReadOnlySpan<string?> ids)
    {
        foreach (var id in ids)
        {
            if (Find(id) is { } zone)
            {
                return zone;
            }
        }

        return TimeZoneInfo.Utc;
    }

    /// <summary>The day it is in <paramref name="zone"/> at <paramref name="at"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    /// <summary>Today in <paramref name="zone"/>, by the injected clock.</summary>
    public static DateOnly Today(TimeProvider clock, TimeZoneInfo zone) => DayOf(clock.GetUtcNow(), zone);

    /// <summary>
    /// A local day and time as an instant, the way Hangfire's Cronos reads a schedule: a time the clocks skip (02:30 on
    /// a spring-forward night) is the moment they jump past it (03:00); a time they repeat is its first occurrence.
    /// </summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        // Of the two offsets of a repeated time, the larger is the earlier instant.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>When <paramref name="day"/> begins in <paramref name="zone"/>, by the rule of <see cref="At"/>.</summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone) => At(day, TimeOnly.MinValue, zone);
}
