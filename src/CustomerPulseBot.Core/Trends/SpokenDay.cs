namespace CustomerPulseBot.Core.Trends;

/// <summary>
/// The day a customer said something, as people write it: a date (2026-11-03, 3 Nov), or relative to
/// today — "today", "yesterday", a weekday ("friday": the latest Friday up to today), "last Friday" (the
/// latest Friday before today), "3 days ago", "2 weeks ago", "a month ago".
/// </summary>
public static class SpokenDay
{
    /// <summary>The day <paramref name="text"/> names, seen from <paramref name="today"/>; null when it names none.</summary>
    public static DateOnly? Read(string text, DateOnly today) => TryRead(text, today, out var day, out _) ? day : null;

    /// <summary>As <see cref="Read"/>, with what is wrong when the text names no day.</summary>
    public static bool TryRead(string text, DateOnly today, out DateOnly day, out string problem)
    {
        var words = Words(text);
        if (Relative(words, today) is { } relative && Span(words) == words.Count)
        {
            (day, problem) = (relative, "");
            return true;
        }

        if (PeriodParser.TryParseDate(text, today, out day, out problem))
        {
            return true;
        }

        if (problem.Contains("not a date I can read", StringComparison.Ordinal))
        {
            problem = $"\"{(text ?? "").Trim()}\" is not a date I can read: write it as 2026-11-03 or 3 Nov 2026, or say yesterday, last Friday or 3 days ago.";
        }

        return false;
    }

    /// <summary>How many of the leading words form a relative day ("last friday", "3 days ago"); 0 when they do not.</summary>
    internal static int Span(IReadOnlyList<string> words) => words.Count switch
    {
        0 => 0,
        _ when words[0] is "today" or "yesterday" || IsWeekday(words[0]) => 1,
        >= 2 when words[0] is "last" or "on" && IsWeekday(words[1]) => 2,
        >= 3 when Count(words[0]) > 0 && Unit(words[1]) > 0 && words[2] == "ago" => 3,
        _ => 0,
    };

    private static DateOnly? Relative(IReadOnlyList<string> words, DateOnly today) => Span(words) switch
    {
        1 when words[0] == "today" => today,
        1 when words[0] == "yesterday" => today.AddDays(-1),
        1 => PeriodParser.LatestOnOrBefore(today, PeriodParser.Weekday(words[0])!.Value), // Span checked it is a weekday
        2 when words[0] == "last" => PeriodParser.LatestOnOrBefore(today.AddDays(-1), PeriodParser.Weekday(words[1])!.Value),
        2 => PeriodParser.LatestOnOrBefore(today, PeriodParser.Weekday(words[1])!.Value),
        3 when Unit(words[1]) == 30 => today.AddMonths(-Count(words[0])),
        3 => today.AddDays(-Count(words[0]) * Unit(words[1])),
        _ => null,
    };

    private static IReadOnlyList<string> Words(string? text) =>
        (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.ToLowerInvariant().Trim(',', '.', '!', '?', ';'))
            .Where(w => w.Length > 0)
            .ToList();

    private static bool IsWeekday(string word) => PeriodParser.Weekday(word) is not null;

    /// <summary>"a week ago", "3 days ago"; at most a few years back, so the arithmetic stays inside the calendar.</summary>
    private static int Count(string word) =>
        word is "a" or "an" or "one" ? 1 : PeriodParser.TryNumber(word, out var n) && n is > 0 and <= 1000 ? n : 0;

    /// <summary>Days in the unit; 30 stands for calendar months.</summary>
    private static int Unit(string word) => word switch
    {
        "day" or "days" => 1,
        "week" or "weeks" => 7,
        "month" or "months" => 30,
        _ => 0,
    };
}
