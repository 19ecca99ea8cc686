namespace CustomerPulseBot.Slack.Payloads;

/// <summary>Anything Slack sends, over HTTP or Socket Mode: the closed set <see cref="SlackDispatcher"/> switches over.</summary>
internal abstract record SlackRequest;
