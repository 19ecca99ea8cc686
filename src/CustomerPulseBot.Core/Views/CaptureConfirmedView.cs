using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Core.Views;

/// <summary>A signal was stored; <paramref name="NewThemes"/> are the theme names this capture created.</summary>
public sealed record CaptureConfirmedView(Signal Signal, IReadOnlyList<string> NewThemes) : View;
