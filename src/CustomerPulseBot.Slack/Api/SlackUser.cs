namespace CustomerPulseBot.Slack.Api;

/// <summary>What users.info tells about a person: the name to show and their IANA time zone, if set.</summary>
internal sealed record SlackUser(string Name, string? TimeZone);
