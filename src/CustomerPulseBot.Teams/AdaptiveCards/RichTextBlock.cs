namespace CustomerPulseBot.Teams.AdaptiveCards;

// A paragraph of differently styled runs; it always wraps and never reads Markdown.
internal sealed record RichTextBlock(IReadOnlyList<TextRun> Inlines) : CardElement;
