using System.Text.Json.Serialization;

namespace CustomerPulseBot.Slack.Payloads;

/// <summary>
/// One shape for every interactivity payload we handle (reference section 3): block_actions,
/// message_action and view_submission share most fields, and the dispatcher matches on the rest.
/// </summary>
internal sealed record InteractionPayload : SlackRequest, IJsonOnDeserialized
{
    public string Type { get; init; } = "";

    public SlackTeam? Team { get; init; }

    public SlackTeam? Enterprise { get; init; }

    /// <summary>Every interaction is someone's: one without a user is not from Slack.</summary>
    public required SlackUser User { get; init; }

    public string? TriggerId { get; init; }

    public string? CallbackId { get; init; }

    public string? ResponseUrl { get; init; }

    public string? MessageTs { get; init; }

    public SlackChannel? Channel { get; init; }

    public MessagePayload? Message { get; init; }

    public ContainerPayload? Container { get; init; }

    public IReadOnlyList<ActionPayload> Actions { get; init; } = [];

    public ViewPayload? View { get; init; }

    /// <summary>On a message: the values of its inputs when the button was clicked (the name typed beside New theme).</summary>
    public ViewState? State { get; init; }

    /// <summary>Org-wide installs may send no team; the user's team then names the workspace.</summary>
    public string TeamId => Team?.Id ?? User.TeamId ?? "";

    /// <summary>Where a button was clicked: the message's channel.</summary>
    public string? ChannelId => Channel?.Id ?? Container?.ChannelId;

    /// <summary>
    /// The click came from a message only this person sees (an ephemeral answer) or from a direct message with the bot
    /// (Slack's DM channel ids start with D): an answer to it is private as its origin was.
    /// </summary>
    public bool Private => Container?.IsEphemeral == true || ChannelId?.StartsWith('D') == true;

    void IJsonOnDeserialized.OnDeserialized() => SlackJson.RefuseNulls(Actions, "actions");
}

internal sealed record SlackTeam(string Id, string? Domain = null, string? Name = null);

internal sealed record SlackUser
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public string? Username { get; init; }

    public string? TeamId { get; init; }
}

internal sealed record SlackChannel(string Id, string? Name = null);

internal sealed record MessagePayload(string? Ts = null, string? Text = null, string? User = null, string? BotId = null);

internal sealed record ContainerPayload(string? Type = null, string? ChannelId = null, string? MessageTs = null, bool IsEphemeral = false);

internal sealed record ActionPayload(string ActionId, string? BlockId = null, string? Value = null);

internal sealed record ViewPayload
{
    public string? Id { get; init; }

    public string? CallbackId { get; init; }

    public string? PrivateMetadata { get; init; }

    public ViewState State { get; init; } = new();
}

internal sealed record ViewState : IJsonOnDeserialized
{
    /// <summary>block_id → action_id → the element's value (reference section 3.4).</summary>
    public Dictionary<string, Dictionary<string, InputValue>> Values { get; init; } = [];

    void IJsonOnDeserialized.OnDeserialized()
    {
        SlackJson.RefuseNulls(Values.Values, "state.values");
        SlackJson.RefuseNulls(Values.Values.SelectMany(block => block.Values), "state.values");
    }
}

internal sealed record InputValue : IJsonOnDeserialized
{
    public string? Value { get; init; }

    public OptionValue? SelectedOption { get; init; }

    public IReadOnlyList<OptionValue>? SelectedOptions { get; init; }

    void IJsonOnDeserialized.OnDeserialized() => SlackJson.RefuseNulls(SelectedOptions ?? [], "selected_options");
}

internal sealed record OptionValue(string Value);
