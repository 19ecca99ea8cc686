using System.Text.Json.Nodes;

namespace CustomerPulseBot.Slack.BlockKit;

/// <summary>
/// A rendered message: the <paramref name="Text"/> fallback (notifications, screen readers), as typed and
/// escaped on the way out because Slack reads it as mrkdwn too, and its blocks (escaped already).
/// </summary>
internal sealed record SlackMessage(string Text, IReadOnlyList<JsonObject> Blocks)
{
    /// <summary>Slack truncates message text after 40,000 characters; keep the fallback short (reference section 6).</summary>
    public const int MaxText = 4000;

    /// <summary>The body for a slash-command acknowledgement, response_url or chat.* call.</summary>
    public JsonObject ToJson(bool inChannel = false)
    {
        var json = new JsonObject
        {
            ["response_type"] = inChannel ? "in_channel" : "ephemeral",
            ["text"] = SlackText.Clip(SlackText.Escape(Text), MaxText),
            ["blocks"] = new JsonArray([.. Blocks.Select(b => b.DeepClone())]),
        };
        return json;
    }
}
