namespace CustomerPulseBot.Teams.AdaptiveCards;

/// <summary>
/// Text that clients run through Markdown, so only the renderer's own words go here; text from a view goes
/// into a <see cref="TextRun"/> (see <see cref="CardText"/>).
/// </summary>
internal sealed record TextBlock(string Text) : CardElement
{
    /// <summary>Always on: without it a client clips the text to one line.</summary>
    public bool Wrap => true;

    public TextBlockStyle? Style { get; init; }

    public TextSize? Size { get; init; }

    public TextWeight? Weight { get; init; }
}
