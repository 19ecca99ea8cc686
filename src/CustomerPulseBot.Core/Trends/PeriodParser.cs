using System.Globalization;

namespace CustomerPulseBot.Core.Trends;

/// <summary>
/// Reads periods and dates as people type them. <see cref="TryParseDate(string, DateOnly, out DateOnly, out string)"/>
/// also serves <see cref="Signals.CaptureValidator"/> for "said:" dates, so both read dates the same way.
/// A date without a year means the latest such day up to today, as a month without a year does in
/// <see cref="Period"/>: "since 20 Dec" said in January means last December.
/// </summary>
public static class PeriodParser
{
    /// <summary>
    /// Periods reach back at most this far: further would make the previous period that trends compare
    /// with start before any signal could exist (and, for absurd numbers, before the calendar does).
    /// </summary>
    public const int MaxDays = 1000;

    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    private const string DateAdvice = "write it as 2026-11-03 or 3 Nov 2026";

    private static readonly string[] Prefixes = ["in", "over", "during", "for", "within", "the", "on"];

    private static readonly Dictionary<string, int> NumberWords = new()
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fourteen"] = 14,
        ["fifteen"] = 15, ["twenty"] = 20, ["thirty"] = 30, ["sixty"] = 60, ["ninety"] = 90,
        ["couple"] = 2, ["few"] = 3,
    };

    /// <summary>How many days vague words stand for; the reply says which period they became.</summary>
    private const int RecentDays = 14;
    private const int NowDays = 7;

    /// <summary>A whole text that is one period: "last 30 days", "since 3 Nov", "between 2026-11-01 and 2026-11-15".</summary>
    public static bool TryParse(string text, DateOnly today, out Period period, out string problem)
    {
        var words = (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.ToLowerInvariant().TrimEnd(',', '.', '?', '!'))
            .ToList();
        var match = Match(words, 0, today);
        (period, problem) = match switch
        {
            { Problem: { } p } => (Period.ThisWeek, p),
            { Period: { } found } when match.Length == words.Count => (found, ""),
            _ => (Period.ThisWeek, $"\"{(text ?? "").Trim()}\" is not a period I know"),
        };
        return problem.Length == 0;
    }

    /// <summary>
    /// A day: ISO (2026-11-03) or with a month name (3 Nov, Nov 3, 3rd November 2026). Slash forms are
    /// refused as ambiguous (11/3 is 3 Nov in one country and 11 Mar in another). A day without a year
    /// is the latest such day on or before <paramref name="notAfter"/>.
    /// </summary>
    public static bool TryParseDate(string text, DateOnly notAfter, out DateOnly day, out string problem)
    {
        var trimmed = (text ?? "").Trim().TrimEnd('.', ',');
        day = default;
        problem = "";
        if (trimmed.Contains('/'))
        {
            problem = $"\"{trimmed}\" is ambiguous: {DateAdvice}.";
            return false;
        }

        if (!TryReadParts(trimmed, out var year, out var month, out var dayOfMonth))
        {
            problem = $"\"{trimmed}\" is not a date I can read: {DateAdvice}.";
            return false;
        }

        if (year is { } y && (y < FirstYear || y > LastYear))
        {
            problem = $"{trimmed} is outside the years I count ({FirstYear} to {LastYear}).";
            return false;
        }

        // Without a year, check against a leap year: 29 Feb is a real date, just not every year.
        if (month is < 1 or > 12 || dayOfMonth < 1 || dayOfMonth > DateTime.DaysInMonth(year ?? 2024, month))
        {
            problem = $"{trimmed} is not a real date.";
            return false;
        }

        day = year is { } given ? new DateOnly(given, month, dayOfMonth) : Latest(month, dayOfMonth, notAfter);
        return true;
    }

    /// <summary>The period that starts at <paramref name="at"/> in lower-case words, if any: how many words it takes, or what is wrong with it.</summary>
    internal static PeriodMatch Match(IReadOnlyList<string> words, int at, DateOnly today)
    {
        var start = at;
        while (at < words.Count && at - start < 2 && Prefixes.Contains(words[at]))
        {
            at++;
        }

        var core = Core(words, at, today, prefixed: at > start);
        return core.Length == 0 ? PeriodMatch.None : core with { Length = core.Length + at - start };
    }

    /// <summary>
    /// "since last month" as a question says it: from the start of that period until now. Commands refuse it
    /// (<see cref="Match"/>), since "last month" alone may be what was meant; a question is answered, and the note
    /// says which day it starts on. Weeks start on the workspace's first day of the week.
    /// </summary>
    internal static PeriodMatch SinceStart(IReadOnlyList<string> words, int i, DateOnly today, DayOfWeek weekStart)
    {
        if (i + 1 >= words.Count || words[i] != "since" || words[i + 1] is not ("last" or "this" or "previous" or "past" or "current"))
        {
            return PeriodMatch.None;
        }

        var inner = Match(words, i + 1, today);
        var week = LatestOnOrBefore(today, weekStart);
        var month = new DateOnly(today.Year, today.Month, 1);
        DateOnly? from = inner.Period switch
        {
            { Kind: PeriodKind.ThisWeek } => week,
            { Kind: PeriodKind.LastWeek } => week.AddDays(-7),
            { Kind: PeriodKind.ThisMonth } => month,
            { Kind: PeriodKind.LastMonth } => month.AddMonths(-1),
            { Kind: PeriodKind.ThisQuarter } => Period.QuarterStart(today),
            { Kind: PeriodKind.LastQuarter } => Period.QuarterStart(today).AddMonths(-3),
            { Kind: PeriodKind.LastDays } days => today.AddDays(1 - days.Days),
            { From: { } start } => start,
            _ => null,
        };
        if (from is not { } day)
        {
            return PeriodMatch.None;
        }

        var phrase = string.Join(' ', words.Skip(i).Take(inner.Length + 1));
        return new PeriodMatch(inner.Length + 1, Since(day), null, Note: $"“{phrase}” read as since {day.ToString("ddd d MMM", CultureInfo.InvariantCulture)}");
    }

    /// <summary>Words in the shape of a day with a month name ("3 Nov", "nov 3, 2026"), valid or not.</summary>
    internal static bool LooksLikeDatePhrase(IReadOnlyList<string> words)
    {
        var parts = words.Select(w => w.Trim(',', '.')).ToList();
        return parts.Count is 2 or 3
            && parts.Count(p => MonthNumber(p) > 0) == 1
            && parts.Count(p => DayNumber(p) > 0) == 1
            && parts.All(p => MonthNumber(p) > 0 || DayNumber(p) > 0 || IsYear(p));
    }

    private static PeriodMatch Core(IReadOnlyList<string> words, int i, DateOnly today, bool prefixed)
    {
        string? Next(int k) => i + k < words.Count ? words[i + k] : null;

        return i >= words.Count ? PeriodMatch.None : words[i] switch
        {
            // A missing apostrophe is still the same word: "todays", "this weeks top issues".
            "today" or "todays" => Found(1, new Period(PeriodKind.Today)),
            "yesterday" or "yesterdays" => Found(1, new Period(PeriodKind.Yesterday)),
            "this" or "current" => Unit(Next(1)) switch
            {
                "week" => Found(2, Period.ThisWeek),
                "month" => Found(2, new Period(PeriodKind.ThisMonth)),
                "quarter" => Found(2, new Period(PeriodKind.ThisQuarter)),
                "year" => Found(2, Since(new DateOnly(today.Year, 1, 1))),
                // "this past week" is the past week.
                "past" or "last" when Relative(words, i + 1, today) is { Period: not null } relative => relative with { Length = relative.Length + 1 },
                _ => PeriodMatch.None,
            },
            "last" or "past" or "previous" => Relative(words, i, today),
            "ytd" => Found(1, Since(new DateOnly(today.Year, 1, 1))),
            "mtd" => Found(1, new Period(PeriodKind.ThisMonth)),
            "wtd" => Found(1, Period.ThisWeek),
            // A year alone is a period only after "in", "during" and the like: bare, "2025" may as well be a version.
            var w when prefixed && IsYear(w) => WholeYear(w, today),
            "recently" or "lately" => Vague(1, words[i], RecentDays),
            "these" when Next(1) == "days" => Vague(2, "these days", RecentDays),
            "right" when Next(1) == "now" => Vague(2, "right now", NowDays),
            var w when w.Length >= "monday".Length && Weekday(w) is { } named => Found(1, OneDay(LatestOnOrBefore(today, named))),
            var w when QuarterNumber(w) is > 0 and var quarter => NamedQuarter(quarter, Next(1)),
            "since" => SinceDay(words, i, today),
            "between" => BetweenDays(words, i, today, "and"),
            "from" => BetweenDays(words, i, today, "to", "until", "till"),
            var w when MonthNumber(w) is > 0 and var month => NamedMonth(month, w, Next(1), prefixed),
            _ => PeriodMatch.None,
        };
    }

    private static PeriodMatch Relative(IReadOnlyList<string> words, int i, DateOnly today)
    {
        var which = words[i];
        var past = which == "past";
        var unit = i + 1 < words.Count ? words[i + 1] : null;
        if (unit is not null && Weekday(unit) is { } weekday)
        {
            return Found(2, OneDay(LatestOnOrBefore(today.AddDays(-1), weekday)));
        }

        if (unit is null)
        {
            return Refused(1, $"\"{which}\" needs a span: {which} week, {which} month or {which} 30 days");
        }

        switch (Unit(unit))
        {
            case "day":
                return Found(2, Period.LastDays(1));
            case "week":
                return Found(2, past ? Period.LastDays(7) : new Period(PeriodKind.LastWeek));
            case "month":
                return Found(2, past ? Period.LastDays(DaysSince(today, months: 1)) : new Period(PeriodKind.LastMonth));
            case "quarter":
                return Found(2, new Period(PeriodKind.LastQuarter));
            case "year":
                return Found(2, past ? Period.LastDays(365) : Between(new DateOnly(today.Year - 1, 1, 1), new DateOnly(today.Year - 1, 12, 31)));
        }

        if (!TryNumber(unit, out var count))
        {
            return Refused(2, $"\"{which} {unit}\" is not a period I know");
        }

        // "the last couple of weeks": "of" may sit between the number and the unit.
        var of = i + 3 < words.Count && words[i + 2] == "of" ? 1 : 0;
        var span = i + 2 + of < words.Count ? words[i + 2 + of] : null;
        var phrase = $"{which} {unit} {span}".TrimEnd();
        // Weeks are 7 days; months are calendar months back from today, so "last 3 months" on 23 Nov starts on 24 Aug.
        var days = Unit(span) switch
        {
            "day" => count,
            "week" => count * 7L,
            "month" => count <= 100 ? DaysSince(today, count) : long.MaxValue,
            _ => -1,
        };
        var length = 3 + of;
        return days switch
        {
            < 0 when span is null => Refused(2, $"\"{phrase}\" needs a unit: {which} {unit} days or {which} {unit} weeks"),
            < 0 => Refused(3, $"\"{phrase}\" is not a period I know"),
            0 => Refused(length, $"\"{phrase}\" is empty: a period needs at least one day"),
            > MaxDays => Refused(length, $"\"{phrase}\" reaches back too far: I look back at most {MaxDays:N0} days (use since <date>)"),
            _ => Found(length, Period.LastDays((int)days)),
        };
    }

    private static PeriodMatch SinceDay(IReadOnlyList<string> words, int i, DateOnly today)
    {
        var next = i + 1 < words.Count ? words[i + 1] : null;
        var after = i + 2 < words.Count ? words[i + 2] : null;
        if (next is null)
        {
            return Refused(1, "\"since\" needs a date: since 3 Nov or since 2026-11-03");
        }

        if (next is "today" or "yesterday")
        {
            return Found(2, Since(next == "today" ? today : today.AddDays(-1)));
        }

        if (next is "last" && after is not null && Weekday(after) is { } previousDay)
        {
            return Found(3, Since(LatestOnOrBefore(today.AddDays(-1), previousDay)));
        }

        if (next is "last" or "this" && after is not null)
        {
            return Refused(3, $"\"since {next} {after}\" is not a period I know: say {next} {after}, or since a date such as since 3 Nov");
        }

        if (Weekday(next) is { } weekday)
        {
            return Found(2, Since(LatestOnOrBefore(today, weekday)));
        }

        if (MonthNumber(next) is > 0 and var month && (after is null || DayNumber(after) == 0))
        {
            if (after is not null && IsYear(after))
            {
                var year = int.Parse(after, CultureInfo.InvariantCulture);
                return year is < FirstYear or > LastYear
                    ? Refused(3, $"{after} is outside the years I count ({FirstYear} to {LastYear}).")
                    : Found(3, Since(new DateOnly(year, month, 1)));
            }

            return Found(2, Since(Latest(month, 1, today)));
        }

        var date = ReadDate(words, i + 1, today);
        return date with { Length = date.Length + 1, Period = date.Day is { } day ? Since(day) : null };
    }

    private static PeriodMatch BetweenDays(IReadOnlyList<string> words, int i, DateOnly today, params string[] separators)
    {
        var strict = words[i] == "between";
        var separator = -1;
        for (var s = i + 2; s < Math.Min(words.Count, i + 5); s++)
        {
            if (separators.Contains(words[s]))
            {
                separator = s;
                break;
            }
        }

        if (separator < 0)
        {
            return strict ? Refused(1, "\"between\" needs two dates: between 1 Nov and 15 Nov") : PeriodMatch.None;
        }

        var to = ReadDate(words, separator + 1, today);
        var fromText = string.Join(' ', words.Skip(i + 1).Take(separator - i - 1));
        var fromOk = TryParseDate(fromText, to.Day ?? today, out var from, out var fromProblem);
        var length = separator - i + 1 + to.Length;
        if (!strict && (!fromOk || to.Day is null))
        {
            return PeriodMatch.None; // "from" is also an ordinary word: "complaints from admins"
        }

        return (fromOk, to.Day) switch
        {
            (false, _) => Refused(length, fromProblem),
            (_, null) => Refused(length, to.Problem!), // a date read gives a day or a problem
            (_, { } end) when end < from => Refused(length,
                $"the period ends ({Format(end)}) before it starts ({Format(from)})"),
            (_, { } end) => Found(length, Between(from, end)),
        };
    }

    /// <summary>
    /// The longest run of one to three words from <paramref name="at"/> shaped like a date decides: "29 Feb 2026"
    /// is refused as a whole rather than read as 29 Feb followed by a stray 2026.
    /// </summary>
    private static PeriodMatch ReadDate(IReadOnlyList<string> words, int at, DateOnly today)
    {
        if (at >= words.Count)
        {
            return Refused(0, $"a date is missing: {DateAdvice}");
        }

        for (var take = Math.Min(3, words.Count - at); take >= 2; take--)
        {
            var run = words.Skip(at).Take(take).ToList();
            var read = TryParseDate(string.Join(' ', run), today, out var day, out var problem);
            if (read || LooksLikeDatePhrase(run))
            {
                return read ? new PeriodMatch(take, null, null, day) : Refused(take, problem);
            }
        }

        return TryParseDate(words[at], today, out var single, out var singleProblem)
            ? new PeriodMatch(1, null, null, single)
            : Refused(1, singleProblem);
    }

    private static PeriodMatch NamedMonth(int month, string word, string? next, bool prefixed)
    {
        // "may" is also a verb, so it is a month only after "in", "during" and the like, or before a year.
        if (word == "may" && !prefixed && !(next is not null && IsYear(next)))
        {
            return PeriodMatch.None;
        }

        if (next is not null && IsYear(next))
        {
            var year = int.Parse(next, CultureInfo.InvariantCulture);
            return year is < FirstYear or > LastYear
                ? Refused(2, $"{next} is outside the years I count ({FirstYear} to {LastYear}).")
                : Found(2, new Period(PeriodKind.Month, From: new DateOnly(year, month, 1)));
        }

        if (next is not null && DayNumber(next) > 0)
        {
            return Refused(2, $"\"{word} {next}\" is one day, not a period: try since {next} {word}");
        }

        return Found(1, new Period(PeriodKind.Month, Days: month));
    }

    private static bool TryReadParts(string text, out int? year, out int month, out int day)
    {
        year = null;
        month = 0;
        day = 0;
        var iso = text.Split('-');
        if (iso.Length == 3 && iso.All(p => p.Length is > 0 and <= 4 && p.All(char.IsAsciiDigit)) && iso[0].Length == 4)
        {
            year = int.Parse(iso[0], CultureInfo.InvariantCulture);
            month = int.Parse(iso[1], CultureInfo.InvariantCulture);
            day = int.Parse(iso[2], CultureInfo.InvariantCulture);
            return true;
        }

        var words = text.Replace(",", " ").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).ToList();
        if (!LooksLikeDatePhrase(words) || (words.Count == 3 && !IsYear(words[2])))
        {
            return false;
        }

        month = words.Select(MonthNumber).First(m => m > 0);
        day = words.Select(DayNumber).First(d => d > 0);
        year = words.Count == 3 ? int.Parse(words[2], CultureInfo.InvariantCulture) : null;
        return true;
    }

    private static DateOnly Latest(int month, int day, DateOnly notAfter)
    {
        // Ends within eight years: the day was checked against a leap year, so even 29 Feb exists in one.
        var year = notAfter.Year;
        while (day > DateTime.DaysInMonth(year, month) || new DateOnly(year, month, day) > notAfter)
        {
            year--;
        }

        return new DateOnly(year, month, day);
    }

    private static int MonthNumber(string word)
    {
        var names = CultureInfo.InvariantCulture.DateTimeFormat;
        for (var m = 1; m <= 12; m++)
        {
            if (string.Equals(word, names.GetMonthName(m), StringComparison.OrdinalIgnoreCase)
                || string.Equals(word, names.GetAbbreviatedMonthName(m), StringComparison.OrdinalIgnoreCase))
            {
                return m;
            }
        }

        return word.Equals("sept", StringComparison.OrdinalIgnoreCase) ? 9 : 0;
    }

    /// <summary>1 to 31, optionally with an ordinal ending (3rd, 21st); 0 when the word is not a day number.</summary>
    private static int DayNumber(string word)
    {
        var digits = word.Length > 2 && word[^2..].ToLowerInvariant() is "st" or "nd" or "rd" or "th" ? word[..^2] : word;
        return digits.Length is 1 or 2 && digits.All(char.IsAsciiDigit) && int.Parse(digits, CultureInfo.InvariantCulture) is >= 1 and <= 31 and var d
            ? d
            : 0;
    }

    private static bool IsYear(string word) => word.Length == 4 && word.All(char.IsAsciiDigit);

    /// <summary>Day names as "since monday" and digest schedules use them.</summary>
    internal static DayOfWeek? Weekday(string word) => word switch
    {
        "monday" or "mon" => DayOfWeek.Monday,
        "tuesday" or "tue" or "tues" => DayOfWeek.Tuesday,
        "wednesday" or "wed" => DayOfWeek.Wednesday,
        "thursday" or "thu" or "thur" or "thurs" => DayOfWeek.Thursday,
        "friday" or "fri" => DayOfWeek.Friday,
        "saturday" or "sat" => DayOfWeek.Saturday,
        "sunday" or "sun" => DayOfWeek.Sunday,
        _ => null,
    };

    /// <summary>A number in digits (up to four) or words ("three", "a couple").</summary>
    internal static bool TryNumber(string word, out int number)
    {
        if (word.Length is > 0 and <= 4 && word.All(char.IsAsciiDigit))
        {
            number = int.Parse(word, CultureInfo.InvariantCulture);
            return true;
        }

        return NumberWords.TryGetValue(word, out number);
    }

    private static int DaysSince(DateOnly today, int months) => today.DayNumber - today.AddMonths(-months).DayNumber;

    /// <summary>The latest <paramref name="weekday"/> on or before <paramref name="day"/>: on a Monday, "since Monday" is today.</summary>
    internal static DateOnly LatestOnOrBefore(DateOnly day, DayOfWeek weekday) =>
        day.AddDays(-(((int)day.DayOfWeek - (int)weekday + 7) % 7));

    /// <summary>A word that only makes sense in a period: a unit, a month or a day name. "since the launch" has none, so it is not a botched period.</summary>
    internal static bool IsPeriodWord(string word) =>
        Unit(word) is "day" or "week" or "month" or "quarter" or "year" || MonthNumber(word) > 0 || Weekday(word) is not null || word == "fortnight";

    /// <summary>Units as people shorten or pluralise them after "this" and "last": "this wk", "last weeks".</summary>
    private static string? Unit(string? word) => word switch
    {
        "day" or "days" => "day",
        "week" or "weeks" or "wk" or "wks" => "week",
        "month" or "months" or "mo" or "mos" => "month",
        "quarter" or "quarters" or "qtr" => "quarter",
        "year" or "years" or "yr" => "year",
        _ => word,
    };

    private static PeriodMatch WholeYear(string word, DateOnly today)
    {
        var year = int.Parse(word, CultureInfo.InvariantCulture);
        return year switch
        {
            < FirstYear or > LastYear => Refused(1, $"{word} is outside the years I count ({FirstYear} to {LastYear})."),
            _ when year == today.Year => Found(1, Since(new DateOnly(year, 1, 1))),
            _ => Found(1, Between(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))),
        };
    }

    private static PeriodMatch Vague(int length, string words, int days) =>
        new(length, Period.LastDays(days), null, Note: $"“{words}” read as the last {days} days");

    private static PeriodMatch NamedQuarter(int quarter, string? next)
    {
        if (next is null || !IsYear(next))
        {
            return Found(1, new Period(PeriodKind.Quarter, Days: quarter));
        }

        var year = int.Parse(next, CultureInfo.InvariantCulture);
        return year is < FirstYear or > LastYear
            ? Refused(2, $"{next} is outside the years I count ({FirstYear} to {LastYear}).")
            : Found(2, new Period(PeriodKind.Quarter, From: new DateOnly(year, (quarter - 1) * 3 + 1, 1)));
    }

    /// <summary>"q3" is the third quarter; 0 when the word is not a quarter.</summary>
    private static int QuarterNumber(string word) => word is ['q', >= '1' and <= '4'] ? word[1] - '0' : 0;

    private static Period OneDay(DateOnly day) => new(PeriodKind.Day, From: day);

    private static Period Since(DateOnly day) => new(PeriodKind.Since, From: day);

    private static Period Between(DateOnly from, DateOnly to) => new(PeriodKind.Between, From: from, To: to);

    private static PeriodMatch Found(int length, Period period) => new(length, period, null);

    private static PeriodMatch Refused(int length, string problem) => new(length, null, problem);

    private static string Format(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
