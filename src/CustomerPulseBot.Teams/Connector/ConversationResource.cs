namespace CustomerPulseBot.Teams.Connector;

// What create-conversation answers: the new conversation, and the first activity's id when one was sent.
internal sealed record ConversationResource(string Id, string? ActivityId = null);
