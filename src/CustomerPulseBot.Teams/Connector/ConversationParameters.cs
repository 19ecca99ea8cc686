using CustomerPulseBot.Teams.Activities;

namespace CustomerPulseBot.Teams.Connector;

// Create-conversation: a new thread in a channel (ChannelData.Channel) or a 1:1 chat with Members[0].
internal sealed record ConversationParameters(
    bool IsGroup,
    ChannelAccount? Bot,
    IReadOnlyList<ChannelAccount>? Members,
    string? TenantId,
    TeamsChannelData? ChannelData,
    Activity? Activity);
