namespace CustomerPulseBot.Core.Commands;

public abstract record DigestRequest;

/// <summary>
/// <c>digest daily 09:00 Europe/Berlin</c>: <paramref name="Day"/> is set for weekly digests only;
/// <paramref name="TimeZone"/> is an IANA id, or null for the person's own zone.
/// </summary>
public sealed record DigestScheduleRequest(
    DigestCadence Cadence,
    DayOfWeek? Day,
    TimeOnly At,
    string? TimeZone,
    QueryFilters Filters,
    bool SkipEmpty) : DigestRequest;

public sealed record DigestOffRequest : DigestRequest;

public sealed record DigestNowRequest : DigestRequest;

public sealed record DigestStatusRequest : DigestRequest;
