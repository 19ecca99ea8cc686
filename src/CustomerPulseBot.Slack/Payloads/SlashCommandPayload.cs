using CustomerPulseBot.Slack.BlockKit;
using Microsoft.Extensions.Primitives;

namespace CustomerPulseBot.Slack.Payloads;

/// <summary>A slash command (reference section 2): form fields over HTTP, the same names as JSON in Socket Mode.</summary>
internal sealed record SlashCommandPayload : SlackRequest
{
    public string Command { get; init; } = "";

    /// <summary>The text as Slack sends it, with a typed &amp;, &lt; and &gt; as entities; read <see cref="Typed"/>.</summary>
    public string Text { get; init; } = "";

    /// <summary>What the person typed: decoded here once, as mentions, DMs and the message shortcut decode theirs.</summary>
    public string Typed => SlackText.Unescape(Text);

    public string TeamId { get; init; } = "";

    public string? TeamDomain { get; init; }

    public string? EnterpriseId { get; init; }

    public string UserId { get; init; } = "";

    public string? UserName { get; init; }

    public string ChannelId { get; init; } = "";

    public string? ResponseUrl { get; init; }

    public string? TriggerId { get; init; }

    public static SlashCommandPayload FromForm(IReadOnlyDictionary<string, StringValues> form) => new()
    {
        Command = Field(form, "command") ?? "",
        Text = Field(form, "text") ?? "",
        TeamId = Field(form, "team_id") ?? "",
        TeamDomain = Field(form, "team_domain"),
        EnterpriseId = Field(form, "enterprise_id"),
        UserId = Field(form, "user_id") ?? "",
        UserName = Field(form, "user_name"),
        ChannelId = Field(form, "channel_id") ?? "",
        ResponseUrl = Field(form, "response_url"),
        TriggerId = Field(form, "trigger_id"),
    };

    private static string? Field(IReadOnlyDictionary<string, StringValues> form, string name) =>
        form.TryGetValue(name, out var value) && !StringValues.IsNullOrEmpty(value) ? value.ToString() : null;
}
