namespace CustomerPulseBot.Teams.Activities;

// Teams specifics of an activity: the tenant always, team and channel in channel contexts.
internal sealed record TeamsChannelData(NamedId? Tenant = null, NamedId? Team = null, NamedId? Channel = null);
