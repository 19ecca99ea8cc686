namespace CustomerPulseBot.Teams.Activities;

// A tenant, team or channel as channelData names it; only the id is read.
internal sealed record NamedId(string? Id);
