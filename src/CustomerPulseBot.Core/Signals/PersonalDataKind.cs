namespace CustomerPulseBot.Core.Signals;

/// <summary>What <see cref="PersonalData"/> masks, in the order it looks for them: a secret wins over anything inside it.</summary>
public enum PersonalDataKind
{
    Secret,
    Email,
    Iban,
    Card,
    Phone,
}
