using System.Text;

namespace CustomerPulseBot.Core.Themes;

/// <summary>Turns what people type ("#Slow Dashboard", "slow_dashboard") into one theme name: "slow-dashboard".</summary>
public static class ThemeName
{
    public const int MaxLength = 60;

    public static string? Normalise(string raw)
    {
        var text = raw.Trim().TrimStart('#').ToLowerInvariant();
        var name = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                name.Append(c);
            }
            else if ((c is '-' or '_' or ' ' or '/' or '.') && name.Length > 0 && name[^1] != '-')
            {
                name.Append('-');
            }
        }

        var result = name.ToString().Trim('-');
        return result.Length is 0 or > MaxLength ? null : result;
    }
}
