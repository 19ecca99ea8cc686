namespace CustomerPulseBot.Teams.Activities;

// Activity metadata; we read only mention entities (Text is the <at>...</at> markup in the message text).
internal sealed record Entity(string? Type, string? Text = null, ChannelAccount? Mentioned = null);
