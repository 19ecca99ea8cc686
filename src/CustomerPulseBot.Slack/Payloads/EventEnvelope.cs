namespace CustomerPulseBot.Slack.Payloads;

/// <summary>An Events API body (reference section 4): url_verification or an event_callback around one event.</summary>
internal sealed record EventEnvelope : SlackRequest
{
    public string Type { get; init; } = "";

    public string? Challenge { get; init; }

    public string? TeamId { get; init; }

    public string? EnterpriseId { get; init; }

    public string? EventId { get; init; }

    public SlackEvent? Event { get; init; }
}

internal sealed record SlackEvent
{
    public string Type { get; init; } = "";

    public string? User { get; init; }

    public string? Text { get; init; }

    public string? Ts { get; init; }

    public string? ThreadTs { get; init; }

    public string? Channel { get; init; }

    public string? ChannelType { get; init; }

    public string? BotId { get; init; }

    public string? Subtype { get; init; }

    public string? Tab { get; init; }
}
