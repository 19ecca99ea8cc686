using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Teams.Activities;

namespace CustomerPulseBot.Teams;

// Views as what Teams takes: a message with one card, and the bodies of invoke answers (teams-bot-framework.md, section 4).
internal static class TeamsCards
{
    public const string ErrorType = "application/vnd.microsoft.error";

    // One card and no text: Teams splits text plus card into two messages (section 8).
    public static Activity Message(View view) => new()
    {
        Type = Activity.Message,
        Attachments = [new Attachment(Attachment.AdaptiveCardType, JsonNode.Parse(AdaptiveCardRenderer.RenderJson(view)))],
    };

    // The answer to adaptiveCard/action: the card that replaces the clicked one.
    public static JsonObject CardResponse(View view) => new()
    {
        ["statusCode"] = 200,
        ["type"] = Attachment.AdaptiveCardType,
        ["value"] = JsonNode.Parse(AdaptiveCardRenderer.RenderJson(view)),
    };

    // adaptiveCard/action errors go in the body; the HTTP status stays 200.
    public static JsonObject ErrorResponse(string message) => new()
    {
        ["statusCode"] = 400,
        ["type"] = ErrorType,
        ["value"] = new JsonObject { ["code"] = "BadRequest", ["message"] = message },
    };

    // A dialog (task module) showing the card; for a dialog, Action.Execute becomes Action.Submit.
    public static JsonObject Dialog(string title, View view) => new()
    {
        ["task"] = new JsonObject
        {
            ["type"] = "continue",
            ["value"] = new JsonObject
            {
                ["title"] = title,
                ["width"] = "medium",
                ["height"] = "large",
                ["card"] = new JsonObject
                {
                    ["contentType"] = Attachment.AdaptiveCardType,
                    ["content"] = JsonNode.Parse(AdaptiveCardRenderer.RenderDialogJson(view)),
                },
            },
        },
    };
}
