using System.Globalization;

namespace CustomerPulseBot.Core.Signals;

/// <summary>How many of each kind <see cref="PersonalData.Mask"/> replaced in a capture's fields.</summary>
public sealed record PersonalDataFound(int Emails = 0, int Phones = 0, int Cards = 0, int Ibans = 0, int Secrets = 0)
{
    public static readonly PersonalDataFound None = new();

    public int Total => Emails + Phones + Cards + Ibans + Secrets;

    public static PersonalDataFound operator +(PersonalDataFound a, PersonalDataFound b) =>
        new(a.Emails + b.Emails, a.Phones + b.Phones, a.Cards + b.Cards, a.Ibans + b.Ibans, a.Secrets + b.Secrets);

    internal static PersonalDataFound Of(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Email => new(Emails: 1),
        PersonalDataKind.Phone => new(Phones: 1),
        PersonalDataKind.Card => new(Cards: 1),
        PersonalDataKind.Iban => new(Ibans: 1),
        _ => new(Secrets: 1),
    };

    /// <summary>"1 email, 2 card numbers": the words both platforms show under a capture.</summary>
    public string Describe() => string.Join(", ", new[]
        {
            Count(Emails, "email", "emails"),
            Count(Phones, "phone number", "phone numbers"),
            Count(Cards, "card number", "card numbers"),
            Count(Ibans, "IBAN", "IBANs"),
            Count(Secrets, "secret", "secrets"),
        }.OfType<string>());

    private static string? Count(int n, string one, string many) =>
        n == 0 ? null : $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? one : many)}";
}
