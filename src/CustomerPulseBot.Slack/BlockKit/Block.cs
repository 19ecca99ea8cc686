using System.Text.Json.Nodes;

namespace CustomerPulseBot.Slack.BlockKit;

/// <summary>
/// Block Kit blocks and text objects, each cut to Slack's limits (reference section 6) so a message is
/// never refused with invalid_blocks. mrkdwn arguments are already escaped; plain_text is shown as given.
/// </summary>
internal static class Block
{
    public const int MaxMessageBlocks = 50;
    public const int MaxViewBlocks = 100;
    public const int MaxSectionText = 3000;
    public const int MaxFields = 10;
    public const int MaxFieldText = 2000;
    public const int MaxHeader = 150;
    public const int MaxContextElements = 10;
    public const int MaxButtonText = 75;
    public const int MaxButtonValue = 2000;

    public static JsonObject Plain(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    public static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    public static JsonObject Header(string text) =>
        new() { ["type"] = "header", ["text"] = Plain(SlackText.Shorten(text, MaxHeader)) };

    public static JsonObject Section(string mrkdwn) =>
        new() { ["type"] = "section", ["text"] = Mrkdwn(SlackText.Clip(mrkdwn, MaxSectionText)) };

    /// <summary>A section with a button beside its text ("All 9 quotes" next to a ranked theme).</summary>
    public static JsonObject Section(string mrkdwn, JsonObject accessory)
    {
        var section = Section(mrkdwn);
        section["accessory"] = accessory;
        return section;
    }

    public static JsonObject Fields(IReadOnlyList<string> mrkdwn)
    {
        var shown = mrkdwn.Count <= MaxFields ? mrkdwn : [.. mrkdwn.Take(MaxFields - 1), $"and {mrkdwn.Count - MaxFields + 1} more"];
        return new JsonObject
        {
            ["type"] = "section",
            ["fields"] = new JsonArray([.. shown.Select(f => (JsonNode)Mrkdwn(SlackText.Clip(f, MaxFieldText)))]),
        };
    }

    public static JsonObject Context(params IReadOnlyList<string> mrkdwn)
    {
        var shown = mrkdwn.Count <= MaxContextElements
            ? mrkdwn
            : [.. mrkdwn.Take(MaxContextElements - 1), $"and {mrkdwn.Count - MaxContextElements + 1} more"];
        return new JsonObject
        {
            ["type"] = "context",
            ["elements"] = new JsonArray([.. shown.Select(e => (JsonNode)Mrkdwn(SlackText.Clip(e, MaxSectionText)))]),
        };
    }

    public static JsonObject Divider() => new() { ["type"] = "divider" };

    public static JsonObject Actions(params IReadOnlyList<JsonObject> buttons) =>
        new() { ["type"] = "actions", ["elements"] = new JsonArray([.. buttons]) };

    /// <summary>
    /// A one-line text box in a message (the name typed beside New theme): its value arrives in the click's
    /// <c>state.values</c> under <paramref name="blockId"/> and <paramref name="actionId"/>.
    /// </summary>
    public static JsonObject TextInput(string blockId, string actionId, string label, string placeholder, int maxLength) => new()
    {
        ["type"] = "input",
        ["block_id"] = blockId,
        ["optional"] = true,
        ["label"] = Plain(label),
        ["element"] = new JsonObject
        {
            ["type"] = "plain_text_input",
            ["action_id"] = actionId,
            ["max_length"] = maxLength,
            ["placeholder"] = Plain(placeholder),
        },
    };

    public static JsonObject Button(string actionId, string text, string value, bool primary = false, bool danger = false)
    {
        if (value.Length > MaxButtonValue)
        {
            throw new ArgumentException($"A button value holds at most {MaxButtonValue} characters", nameof(value));
        }

        var button = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = actionId,
            ["text"] = Plain(SlackText.Shorten(text, MaxButtonText)),
            ["value"] = value,
        };
        if (primary || danger)
        {
            button["style"] = primary ? "primary" : "danger";
        }

        return button;
    }
}
