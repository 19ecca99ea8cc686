namespace CustomerPulseBot.Core.Exchange;

/// <summary>
/// What storing a batch did: the theme names it created; or, when its idempotency key was used before,
/// <paramref name="Earlier"/> holds that first answer and nothing was stored.
/// </summary>
public sealed record IntakeOutcome(IReadOnlyList<string> CreatedThemes, StoredAnswer? Earlier = null);
