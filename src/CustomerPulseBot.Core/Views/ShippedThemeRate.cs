namespace CustomerPulseBot.Core.Views;

/// <summary>
/// Whether a shipped theme's friction dropped: signals in the <paramref name="Days"/> days after
/// <paramref name="ShippedOn"/> against the same number of days before it.
/// </summary>
public sealed record ShippedThemeRate(string Theme, DateOnly ShippedOn, int Days, int Before, int After);
