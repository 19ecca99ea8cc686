namespace CustomerPulseBot.Core.Digests;

/// <summary>
/// Where a post goes: a channel (Slack channel id, Teams conversation id) or, when <paramref name="Direct"/>,
/// a direct message to the person with this user id.
/// </summary>
public sealed record ChatDestination(string Id, bool Direct);
