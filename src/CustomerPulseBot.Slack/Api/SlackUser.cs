namespace CustomerPulseBot.Slack.Api;

/// <summary>
/// What users.info tells about a person: the name to show, their IANA time zone if set, and whether Slack makes them a
/// workspace admin (an owner, the primary owner, or an admin).
/// </summary>
internal sealed record SlackUser(string Name, string? TimeZone, bool IsAdmin = false);
