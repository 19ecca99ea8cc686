namespace CustomerPulseBot.Teams.Activities;

// A person or the bot: Teams ids (29:..., 28:...) are per bot; AadObjectId is the person's stable Entra id.
internal sealed record ChannelAccount(string? Id, string? Name = null, string? AadObjectId = null);
