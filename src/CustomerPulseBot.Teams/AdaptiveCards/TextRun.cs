using System.Text.Json.Serialization;

namespace CustomerPulseBot.Teams.AdaptiveCards;

/// <summary>A run of plain text inside a <see cref="RichTextBlock"/>; made only by <see cref="CardText.Run"/>.</summary>
internal sealed record TextRun(string Text)
{
    [JsonPropertyOrder(-1)]
    public string Type => "TextRun";

    public TextSize? Size { get; init; }

    public TextWeight? Weight { get; init; }

    public TextColor? Color { get; init; }

    public bool? IsSubtle { get; init; }

    public bool? Italic { get; init; }

    public FontType? FontType { get; init; }

    /// <summary>Makes the run a link; only <see cref="OpenUrlAction"/> is used here.</summary>
    public CardAction? SelectAction { get; init; }
}
