namespace CustomerPulseBot.Teams.Activities;

// ConversationType is personal, groupChat or channel; the id is opaque and differs per channel thread.
internal sealed record ConversationAccount(string? Id, string? ConversationType = null, string? TenantId = null);
