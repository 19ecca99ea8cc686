namespace CustomerPulseBot.Teams.Activities;

// A tenant, team or channel as channelData names it.
internal sealed record NamedId(string? Id, string? Name = null);
