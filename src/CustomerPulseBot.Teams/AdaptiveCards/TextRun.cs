using System.Text.Json.Serialization;

namespace CustomerPulseBot.Teams.AdaptiveCards;

// A run of plain text inside a RichTextBlock; made only by CardText.Run.
internal sealed record TextRun(string Text)
{
    [JsonPropertyOrder(-1)]
    public string Type => "TextRun";

    public TextSize? Size { get; init; }

    public TextWeight? Weight { get; init; }

    public TextColor? Color { get; init; }

    public bool? IsSubtle { get; init; }

    public FontType? FontType { get; init; }

    // Makes the run a link; only OpenUrlAction is used here.
    public CardAction? SelectAction { get; init; }
}
