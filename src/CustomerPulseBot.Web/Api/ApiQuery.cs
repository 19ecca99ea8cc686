using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Web.Api;

/// <summary>
/// The query parameters several endpoints share, read one way for all of them: a period in chat's words, a segment, a
/// theme name. Each returns null when the parameter is left out, and adds an error naming the parameter when it cannot
/// be read.
/// </summary>
internal static class ApiQuery
{
    /// <summary>
    /// The period in the words chat reads ("this week", "last 30 days", "since 2026-11-03"), on the workspace's date; null
    /// when <paramref name="text"/> is (a period given but empty cannot be read).
    /// </summary>
    public static Period? Period(string? text, ChatContext context, TimeProvider clock, List<(string, string)> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (PeriodParser.TryParse(text, Zones.Today(clock, context.TimeZone), out var period, out var problem))
        {
            return period;
        }

        errors.Add(("period", $"{problem.TrimEnd('.')}. Try this week, last 30 days, this month, Q3, or since 2026-11-03."));
        return null;
    }

    public static string? Segment(string? text, List<(string, string)> errors)
    {
        var word = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(word))
        {
            return null;
        }

        if (!SignalVocabulary.Segments.Contains(word))
        {
            errors.Add(("segment", $"\"{text}\" is not a segment. Use one of: {string.Join(", ", SignalVocabulary.Segments)}."));
            return null;
        }

        return word;
    }

    /// <summary>A theme name as chat normalises #theme; the store finds a theme by any of its names.</summary>
    public static string? Theme(string? text, List<(string, string)> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var name = ThemeName.Normalise(text);
        if (name is null)
        {
            errors.Add(("theme", $"\"{text}\" cannot be a theme name: letters, digits and dashes, at most {ThemeName.MaxLength} characters."));
        }

        return name;
    }
}
