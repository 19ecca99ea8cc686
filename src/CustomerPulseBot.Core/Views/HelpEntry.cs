namespace CustomerPulseBot.Core.Views;

public sealed record HelpEntry(string Usage, string Does, string Example);
