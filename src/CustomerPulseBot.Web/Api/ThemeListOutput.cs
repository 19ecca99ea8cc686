namespace CustomerPulseBot.Web.Api;

/// <summary>Every theme, most recent signals first, as the chat's <c>themes</c> lists them; <see cref="RecentPeriod"/> names the period counted.</summary>
internal sealed record ThemeListOutput(IReadOnlyList<ThemeOutput> Items, string RecentPeriod);
