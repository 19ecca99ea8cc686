namespace CustomerPulseBot.Teams.AdaptiveCards;

// Text that clients run through Markdown, so only the renderer's own words go here; text from a view goes
// into a TextRun (see CardText).
internal sealed record TextBlock(string Text) : CardElement
{
    // Always on: without it a client clips the text to one line.
    public bool Wrap => true;

    public TextBlockStyle? Style { get; init; }

    public TextSize? Size { get; init; }

    public TextWeight? Weight { get; init; }
}
