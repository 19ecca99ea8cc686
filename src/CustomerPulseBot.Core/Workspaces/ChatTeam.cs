namespace CustomerPulseBot.Core.Workspaces;

/// <summary>
/// The Teams team a channel conversation belongs to: its id, and the Connector's service URL that came with the
/// authenticated activity, where the team's roster says who owns it.
/// </summary>
public sealed record ChatTeam(string Id, string ServiceUrl);
