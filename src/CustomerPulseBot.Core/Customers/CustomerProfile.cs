namespace CustomerPulseBot.Core.Customers;

/// <summary>
/// A customer as an entity: its canonical <paramref name="Name"/>, the other names it goes by (captures and filters
/// naming any of them land on it, in any case), and what the CRM knows: <paramref name="Segment"/> (a
/// <see cref="Signals.SignalVocabulary.Segments"/> word), <paramref name="Plan"/>, annual recurring revenue
/// (<paramref name="Arr"/>, in the workspace's one currency) and the account <paramref name="Owner"/>. A customer first
/// named by a capture has only its name.
/// </summary>
public sealed record CustomerProfile(
    string Name,
    IReadOnlyList<string> Aliases,
    string? Segment = null,
    string? Plan = null,
    decimal? Arr = null,
    string? Owner = null);
