using CustomerPulseBot.Core.Themes;

namespace CustomerPulseBot.Core.Views;

public sealed record ThemeSummary(Theme Theme, int RecentSignals);
