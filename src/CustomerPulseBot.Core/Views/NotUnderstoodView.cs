namespace CustomerPulseBot.Core.Views;

/// <summary>What was understood, what was not, an example, and the person's own text to resend.</summary>
public sealed record NotUnderstoodView(string Understood, string Problem, string Example, string OriginalText) : View;
