using System.Globalization;

namespace CustomerPulseBot.Core.Trends;

/// <summary>
/// Reads periods and dates as people type them. <see cref="TryParseDate"/> is also used by
/// <see cref="Signals.CaptureValidator"/> for "said:" dates, so both read dates the same way.
/// </summary>
public static class PeriodParser
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-M-d",
        "d MMM", "d MMMM", "MMM d", "MMMM d",
        "d MMM yyyy", "d MMMM yyyy", "MMM d yyyy", "MMMM d yyyy", "MMM d, yyyy", "MMMM d, yyyy",
    ];

    /// <summary>
    /// A day: ISO (2026-11-03) or with a month name (3 Nov, Nov 3, 3 November 2026). Without a year the
    /// date is in the current year as the parser cannot know the clock; slash forms are refused as
    /// ambiguous (11/3 is 3 Nov in one country and 11 Mar in another).
    /// </summary>
    public static bool TryParseDate(string text, out DateOnly day, out string problem)
    {
        var trimmed = text.Trim().TrimEnd('.', ',');
        problem = "";
        if (DateOnly.TryParseExact(trimmed, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite, out day))
        {
            return true;
        }

        problem = trimmed.Contains('/')
            ? $"\"{trimmed}\" is ambiguous: write the date as 2026-11-03 or 3 Nov 2026."
            : LooksLikeDate(trimmed)
                ? $"{trimmed} is not a real date."
                : $"\"{trimmed}\" is not a date I can read: write it as 2026-11-03 or 3 Nov 2026.";
        return false;
    }

    /// <summary>Digits and dashes in date shape, or a day with a month name, that still failed to parse: an impossible day.</summary>
    private static bool LooksLikeDate(string text)
    {
        var iso = text.Split('-');
        if (iso.Length == 3 && iso.All(p => p.Length > 0 && p.All(char.IsAsciiDigit)))
        {
            return true;
        }

        var words = text.Replace(",", " ").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var names = CultureInfo.InvariantCulture.DateTimeFormat;
        return words.Any(w => w.All(char.IsAsciiDigit))
            && words.Any(w => Enumerable.Range(1, 12).Any(m =>
                string.Equals(w, names.GetMonthName(m), StringComparison.OrdinalIgnoreCase)
                || string.Equals(w, names.GetAbbreviatedMonthName(m), StringComparison.OrdinalIgnoreCase)));
    }
}
