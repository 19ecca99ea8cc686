namespace CustomerPulseBot.Core.Workspaces;

/// <summary>
/// A workspace as the platform names it (<paramref name="ExternalId"/> is the Slack team or enterprise id,
/// or the Microsoft 365 tenant id). <paramref name="TimeZone"/> is an IANA id used when a person has none.
/// <paramref name="AutoTag"/>: confident theme suggestions tag captures by themselves. <paramref name="Redact"/>: personal
/// data in captures is masked before it is stored (<see cref="Signals.PersonalData"/>).
/// </summary>
public sealed record Workspace(
    WorkspaceId Id,
    Platform Platform,
    string ExternalId,
    string Name,
    DayOfWeek WeekStart,
    string TimeZone,
    DateTimeOffset CreatedAt,
    bool AutoTag = true,
    bool Redact = true);
