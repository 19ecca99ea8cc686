namespace CustomerPulseBot.Teams.AdaptiveCards;

/// <summary>A paragraph of differently styled runs; it always wraps and never reads Markdown.</summary>
internal sealed record RichTextBlock(IReadOnlyList<TextRun> Inlines) : CardElement;
