namespace CustomerPulseBot.Teams.Connector;

// A member of a conversation or team as the roster tells it (TeamsChannelAccount): ObjectId is the Entra id people act
// under here; UserRole is "user", "guest" or "anonymous" as documented, and whatever else Teams may say (an owner).
internal sealed record TeamsMember(string? Id, string? Name = null, string? ObjectId = null, string? UserRole = null);
