namespace CustomerPulseBot.Core.Signals;

/// <summary>
/// The closed word lists for a signal's fields. Closed on purpose: "enterprise" and "Enterprise " must
/// count as one segment in a ranking, so a value outside the list is refused with the list shown.
/// </summary>
public static class SignalVocabulary
{
    public const int MaxQuoteLength = 4000;
    public const int MaxCustomerLength = 200;
    public const int MaxUrlLength = 2000;
    public const int MaxThemes = 10;

    public static readonly IReadOnlyList<string> Segments =
        ["buyer", "user", "admin", "internal", "prospect", "partner", "enterprise", "mid-market", "smb"];

    public static readonly IReadOnlyList<string> Sources =
        ["call", "ticket", "interview", "review", "email", "chat", "survey", "demo", "social", "community", "other"];

    public static string Names<TEnum>() where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()));
}
