using System.Globalization;

namespace CustomerPulseBot.Core.Views;

/// <summary>
/// Annual revenue as a chat answer writes it, short and without a currency sign (a workspace keeps one currency, which
/// the bot is not told): 950, 12.5k, 1.2M.
/// </summary>
public static class RevenueText
{
    public static string Of(decimal amount) => Math.Abs(amount) switch
    {
        >= 1_000_000_000m => Short(amount / 1_000_000_000m, "B"),
        >= 1_000_000m => Short(amount / 1_000_000m, "M"),
        >= 10_000m => Short(amount / 1_000m, "k"),
        _ => amount.ToString("#,##0.##", CultureInfo.InvariantCulture),
    };

    /// <summary>"1.2M ARR from 2 customers": a ranked theme's revenue and how many customers of known revenue it counts.</summary>
    public static string Affected(decimal amount, int customers) =>
        $"{Of(amount)} ARR from {customers} customer{(customers == 1 ? "" : "s")}";

    private static string Short(decimal value, string unit) =>
        value.ToString(value >= 100 ? "0" : "0.#", CultureInfo.InvariantCulture) + unit;
}
