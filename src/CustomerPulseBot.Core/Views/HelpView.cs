namespace CustomerPulseBot.Core.Views;

public sealed record HelpView(IReadOnlyList<HelpEntry> Entries) : View;
