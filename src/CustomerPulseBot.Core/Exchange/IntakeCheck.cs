using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Core.Exchange;

/// <summary>
/// A batch read by <see cref="SignalIntake.Check"/>: a signal for each row (null where the row has errors), the errors
/// by row index (0-based), and the personal data masked in the valid rows.
/// </summary>
public sealed record IntakeCheck(IReadOnlyList<Signal?> Signals, IReadOnlyList<(int Index, FieldError Error)> Errors, PersonalDataFound Masked)
{
    public IReadOnlyList<Signal> Valid => Signals.OfType<Signal>().ToList();
}
