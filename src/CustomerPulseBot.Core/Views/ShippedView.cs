namespace CustomerPulseBot.Core.Views;

/// <summary>
/// "Has X got better since we shipped?": each shipped theme's friction before and after its ship date, the
/// same figures the digest shows. <paramref name="Theme"/> is the theme asked about, null for every shipped theme.
/// </summary>
public sealed record ShippedView(string? Theme, IReadOnlyList<ShippedThemeRate> Themes) : View;
