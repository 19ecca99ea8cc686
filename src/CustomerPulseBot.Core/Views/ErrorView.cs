namespace CustomerPulseBot.Core.Views;

/// <summary>Something failed on our side: an apology, the id to quote to an admin, and the text to resend.</summary>
public sealed record ErrorView(string Message, string OriginalText, string CorrelationId) : View;
