using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Slack.BlockKit;
using CustomerPulseBot.Slack.Payloads;

namespace CustomerPulseBot.Slack.Commands;

/// <summary>
/// What a "Share in channel" or "Post to channel" button carries: the channel it was offered in (a click
/// elsewhere is refused) and the signal to share or the words to answer again.
/// </summary>
internal sealed record AnswerButton(string Channel, Guid? Signal = null, string? Text = null)
{
    public static IReadOnlyList<JsonObject> For(View view, string channel, string text) => view switch
    {
        CaptureConfirmedView v => [Block.Button(SlackIds.ShareSignal, "Share in channel", new AnswerButton(channel, Signal: v.Signal.Id).ToValue())],
        PainPointsView or TrendsView or SearchResultsView or ThemeListView or CountView or CustomersView or ShippedView or JourneyView
            or QuestionView when text.Length > 0 && Fits(channel, text) =>
            [Block.Button(SlackIds.PostToChannel, "Post to channel", new AnswerButton(channel, Text: text).ToValue())],
        _ => [],
    };

    public static AnswerButton? Read(string? value)
    {
        try
        {
            return value is null ? null : JsonSerializer.Deserialize<AnswerButton>(value, SlackJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private string ToValue() => JsonSerializer.Serialize(this, SlackJson.Options);

    private static bool Fits(string channel, string text) => new AnswerButton(channel, Text: text).ToValue().Length <= Block.MaxButtonValue;
}
