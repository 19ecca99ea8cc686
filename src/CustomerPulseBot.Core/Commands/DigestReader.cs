using System.Globalization;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Commands;

/// <summary>Reads the words after <c>digest</c>: a schedule, or off, now or status.</summary>
internal static class DigestReader
{
    /// <summary>When a schedule names no time: early enough to read before the day's first meeting.</summary>
    public static readonly TimeOnly DefaultTime = new(9, 0);

    /// <summary>A weekly schedule that names no day comes on the workspace's first day of the week, <paramref name="weekStart"/>.</summary>
    public static (DigestRequest? Request, string? Problem) Read(IReadOnlyList<CommandToken> tokens, DayOfWeek weekStart)
    {
        if (tokens.Count == 0)
        {
            return (new DigestStatusRequest(), null);
        }

        return tokens[0].Normal switch
        {
            "off" or "stop" => Alone(tokens, new DigestOffRequest()),
            "now" => Alone(tokens, new DigestNowRequest()),
            "status" => Alone(tokens, new DigestStatusRequest()),
            "daily" => Schedule(DigestCadence.Daily, tokens, weekStart),
            "weekdays" => Schedule(DigestCadence.Weekdays, tokens, weekStart),
            "weekly" => Schedule(DigestCadence.Weekly, tokens, weekStart),
            _ => (null, $"\"{tokens[0].Raw}\" is not a digest schedule: use daily, weekdays, weekly, off, now or status"),
        };
    }

    private static (DigestRequest?, string?) Alone(IReadOnlyList<CommandToken> tokens, DigestRequest request) =>
        tokens.Count == 1
            ? (request, null)
            : (null, $"\"digest {tokens[0].Normal}\" takes nothing after it, so \"{tokens[1].Raw}\" is one word too many");

    private static (DigestRequest?, string?) Schedule(DigestCadence cadence, IReadOnlyList<CommandToken> tokens, DayOfWeek weekStart)
    {
        var filters = new FilterCollector();
        TimeOnly? at = null;
        DayOfWeek? day = null;
        string? zone = null;
        var skipEmpty = false;
        for (var i = 1; i < tokens.Count; i++)
        {
            if (filters.Take(tokens[i]))
            {
                continue;
            }

            var token = tokens[i];
            var word = token.Normal;
            var next = i + 1 < tokens.Count ? tokens[i + 1].Normal : null;
            string? problem = null;
            if (word is "" or "at" or "on" or "every")
            {
                continue;
            }

            if (token.Kind != TokenKind.Word)
            {
                problem = NotKnown(token.Raw);
            }
            else if (word == "skip-empty")
            {
                skipEmpty = true;
            }
            else if (PeriodParser.Weekday(word) is { } named)
            {
                problem = cadence != DigestCadence.Weekly
                    ? $"a {cadence.ToString().ToLowerInvariant()} digest has no day: for one day a week write digest weekly {word} 09:00"
                    : day is null ? null : Twice("days");
                day ??= named;
            }
            else if (TryTime(next is "am" or "pm" ? word + next : word, out var time))
            {
                i += next is "am" or "pm" ? 1 : 0;
                problem = at is null ? null : Twice("times");
                at ??= time;
            }
            else if (char.IsAsciiDigit(word[0]))
            {
                problem = $"\"{token.Raw}\" is not a time of day: use 24-hour HH:MM such as 09:00, or 9am";
            }
            else if (token.Raw.Contains('/') || word is "utc" or "gmt")
            {
                var id = Zones.Find(token.Raw.TrimEnd('.', ','))?.Id;
                problem = id is null
                    ? $"\"{token.Raw}\" is not a time zone I know: use an IANA name such as {Zones.Examples}"
                    : zone is null ? null : Twice("time zones");
                zone ??= id;
            }
            else
            {
                problem = NotKnown(token.Raw);
            }

            if (problem is not null)
            {
                return (null, problem);
            }
        }

        if (filters.Problem is { } filterProblem)
        {
            return (null, filterProblem);
        }

        var weekday = cadence == DigestCadence.Weekly ? day ?? weekStart : (DayOfWeek?)null;
        return (new DigestScheduleRequest(cadence, weekday, at ?? DefaultTime, zone, filters.Filters(), skipEmpty), null);
    }

    private static string Twice(string what) => $"a digest has one time, one day and one time zone; this names two {what}";

    private static string NotKnown(string raw) =>
        $"\"{raw}\" is not a time, day or time zone I know: e.g. digest weekly mon 09:00 Europe/Berlin";

    /// <summary>24-hour 09:00 or 9:00, or 12-hour 9am and 5:30pm.</summary>
    private static bool TryTime(string word, out TimeOnly time)
    {
        time = default;
        var twelveHour = word.EndsWith("am", StringComparison.Ordinal) || word.EndsWith("pm", StringComparison.Ordinal);
        var clock = twelveHour ? word[..^2] : word;
        var parts = clock.Split(':');
        if (parts.Length > 2 || parts.Any(p => p.Length is 0 or > 2 || !p.All(char.IsAsciiDigit)) || (!twelveHour && parts.Length == 1))
        {
            return false;
        }

        var hour = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var minute = parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
        if ((parts.Length == 2 && parts[1].Length != 2) || minute > 59 || (twelveHour ? hour is < 1 or > 12 : hour > 23))
        {
            return false;
        }

        if (twelveHour)
        {
            hour = hour % 12 + (word.EndsWith("pm", StringComparison.Ordinal) ? 12 : 0);
        }

        time = new TimeOnly(hour, minute);
        return true;
    }
}
