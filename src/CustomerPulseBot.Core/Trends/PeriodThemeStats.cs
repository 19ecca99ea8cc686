namespace CustomerPulseBot.Core.Trends;

/// <summary>
/// What a ranking compares, read together: the theme stats of a period (<paramref name="Current"/>) and of the period
/// it is compared with (<paramref name="Previous"/>), each as <see cref="IPulseStore.GetThemeStatsAsync"/> gives them,
/// and how many signals the period holds (<paramref name="Signals"/>, as <see cref="IPulseStore.CountSignalsAsync"/>).
/// </summary>
public sealed record PeriodThemeStats(IReadOnlyList<ThemeStats> Current, IReadOnlyList<ThemeStats> Previous, int Signals);
