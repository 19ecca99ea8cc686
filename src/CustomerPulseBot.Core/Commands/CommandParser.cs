using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Trends;

namespace CustomerPulseBot.Core.Commands;

/// <summary>
/// Pure: text in, command out, for every input. A first word that names a command commits to it, so a
/// slip gets a precise reply instead of being stored as a quote; a plain-language question becomes
/// top or trends; anything else is a capture.
/// </summary>
public static class CommandParser
{
    private const string SlashCommand = "/pulse";

    /// <summary>Parses with <paramref name="today"/> (in the person's time zone) placing dates typed without a year: "since 20 Dec" means the latest 20 Dec up to today.</summary>
    public static Command Parse(string text, DateOnly today)
    {
        var original = text ?? "";
        var body = WithoutSlashCommand(original);
        if (body.Length == 0)
        {
            return new OpenCaptureFormCommand();
        }

        if (CommandTokenizer.IsQuoteMark(body[0]))
        {
            return Capture(body);
        }

        var tokens = CommandTokenizer.Tokenize(body);
        var rest = tokens.Skip(1).ToList();
        var keyword = tokens[0].Kind == TokenKind.Word ? tokens[0].Raw.ToLowerInvariant().TrimEnd('?') : "";
        return keyword switch
        {
            "help" => Help(original, rest),
            "top" => Query(original, tokens, today, "top", "a request for top pain points", (p, f) => new TopCommand(p, f)),
            "trends" => Query(original, tokens, today, "trends", "a request for friction trends", (p, f) => new TrendsCommand(p, f)),
            "search" => Search(original, rest, today),
            "themes" => rest.Count == 0
                ? new ThemesCommand()
                : new NotUnderstoodCommand(original, "a request for the theme list", $"\"themes\" takes no other words, so \"{rest[0].Raw}\" is one too many", CommandHelp.ExampleFor("themes")),
            "theme" => Theme(original, body, rest),
            "digest" => Digest(original, rest, SubscriptionKind.Digest),
            "brief" => Digest(original, rest, SubscriptionKind.Brief),
            // "add" is not a keyword: requests begin with it ("add a dark mode"), and those are quotes.
            "capture" => rest.Count == 0 ? new OpenCaptureFormCommand() : Capture(body[rest[0].Start..]),
            _ => Question(original, tokens, today) ?? Capture(body),
        };
    }

    private static string WithoutSlashCommand(string text)
    {
        var trimmed = text.Trim();
        var prefixed = trimmed.StartsWith(SlashCommand, StringComparison.OrdinalIgnoreCase)
            && (trimmed.Length == SlashCommand.Length || char.IsWhiteSpace(trimmed[SlashCommand.Length]));
        return prefixed ? trimmed[SlashCommand.Length..].Trim() : trimmed;
    }

    /// <summary>The text as a capture, whatever it reads like: "Save it as a customer quote instead".</summary>
    public static CaptureCommand Capture(string text) => new(CaptureReader.Read(WithoutSlashCommand(text ?? "")));

    /// <summary>Reads the keyword along with the rest, as a question would: "top 5 pain points" reads like "the top 5 pain points".</summary>
    private static Command Query(
        string original, List<CommandToken> tokens, DateOnly today, string topic, string understood, Func<Period, QueryFilters, Command> create)
    {
        var reading = QueryReading.Read(tokens, today);
        var problem = reading.Problem ?? reading.Unknown switch
        {
            null => null,
            var word when word.Contains(':') && !word.Contains("://") => $"\"{word}\" is not a filter here: use segment:…, #theme or customer:…",
            var word => $"\"{word}\" is not a period I know",
        };
        return problem is null
            ? create(reading.Period ?? Period.ThisWeek, reading.Filters)
            : new NotUnderstoodCommand(original, understood, problem, CommandHelp.ExampleFor(topic));
    }

    /// <summary>A question only when every word is one a question uses and it asks about pains or trends; otherwise null.</summary>
    private static Command? Question(string original, List<CommandToken> tokens, DateOnly today)
    {
        var reading = QueryReading.Read(tokens, today);
        if (reading.Unknown is not null || !(reading.AsksPains || reading.AsksTrends))
        {
            return null;
        }

        var (understood, command) = reading.AsksTrends
            ? ("a question about rising and falling themes", typeof(TrendsCommand))
            : ("a question about top pain points", typeof(TopCommand));
        if (reading.Problem is { } problem)
        {
            return new NotUnderstoodCommand(original, understood, problem, CommandHelp.ExampleFor("question", command));
        }

        var period = reading.Period ?? Period.ThisWeek;
        return reading.AsksTrends ? new TrendsCommand(period, reading.Filters) : new TopCommand(period, reading.Filters);
    }

    private static Command Search(string original, List<CommandToken> rest, DateOnly today)
    {
        const string understood = "a search for quotes";
        var filters = new FilterCollector();
        var words = rest.Where(t => !filters.Take(t)).ToList();
        if (filters.Problem is { } filterProblem)
        {
            return new NotUnderstoodCommand(original, understood, filterProblem, CommandHelp.ExampleFor("search"));
        }

        var normal = words.Select(w => w.Normal).ToList();
        Period? period = null;
        var cut = words.Count;
        for (var i = 0; i < words.Count; i++)
        {
            var match = PeriodParser.Match(normal, i, today);
            if (match.Length != words.Count - i)
            {
                continue;
            }

            if (match.Problem is { } problem)
            {
                // "last" and "from" are also words people search for; only since and between insist on a period.
                if (normal[i] is "since" or "between")
                {
                    return new NotUnderstoodCommand(original, understood, problem, CommandHelp.ExampleFor("search"));
                }

                continue;
            }

            period = match.Period;
            cut = i;
            break;
        }

        var searched = string.Join(' ', words.Take(cut).Select(w => w.Kind == TokenKind.Word ? w.Value : w.Raw)).Trim();
        return searched.Length == 0
            ? new NotUnderstoodCommand(original, understood, "there are no words to search for", CommandHelp.ExampleFor("search"))
            : new SearchCommand(searched, period, filters.Filters());
    }

    private static Command Theme(string original, string body, List<CommandToken> rest)
    {
        var action = rest.Count > 0 ? rest[0].Normal : "";
        return action switch
        {
            "merge" => Merge(original, rest.Skip(1)),
            "ship" or "shipped" => Ship(original, body, rest),
            "" => new NotUnderstoodCommand(original, "a theme command", "say what to do with the theme: merge or ship", CommandHelp.ExampleFor("theme")),
            _ => new NotUnderstoodCommand(original, "a theme command", $"\"{rest[0].Raw}\" is not something I can do to a theme: use merge or ship", CommandHelp.ExampleFor("theme")),
        };
    }

    private static Command Merge(string original, IEnumerable<CommandToken> tokens)
    {
        const string understood = "a request to merge two themes";
        var example = CommandHelp.ExampleFor("theme", typeof(MergeThemesCommand));
        var raw = tokens.Where(t => t.Normal is not ("into" or "to" or "with" or "and" or "")).Select(ThemeText).ToList();
        if (raw.Count != 2)
        {
            return new NotUnderstoodCommand(original, understood,
                $"theme merge needs two theme names, the one to fold in and the one to keep; I found {raw.Count}", example);
        }

        var (from, into) = (ThemeName.Normalise(raw[0]), ThemeName.Normalise(raw[1]));
        return (from, into) switch
        {
            (null, _) => new NotUnderstoodCommand(original, understood, NotAThemeName(raw[0]), example),
            (_, null) => new NotUnderstoodCommand(original, understood, NotAThemeName(raw[1]), example),
            _ when from == into => new NotUnderstoodCommand(original, understood, $"#{from} and #{into} are the same theme", example),
            _ => new MergeThemesCommand(from, into),
        };
    }

    private static Command Ship(string original, string body, List<CommandToken> rest)
    {
        const string understood = "a request to mark a theme shipped";
        var example = CommandHelp.ExampleFor("theme", typeof(ShipThemeCommand));
        if (rest.Count < 2)
        {
            return new NotUnderstoodCommand(original, understood, "theme ship needs the name of the theme that shipped", example);
        }

        var name = ThemeName.Normalise(ThemeText(rest[1]));
        if (name is null)
        {
            return new NotUnderstoodCommand(original, understood, NotAThemeName(ThemeText(rest[1])), example);
        }

        var note = body[rest[1].End..].Trim().TrimStart(':', '-', '–', '—').Trim();
        return new ShipThemeCommand(name, note.Length == 0 ? null : note);
    }

    private static Command Digest(string original, List<CommandToken> rest, SubscriptionKind kind)
    {
        var (request, problem) = DigestReader.Read(rest);
        var word = kind == SubscriptionKind.Brief ? "brief" : "digest";
        return request is not null
            ? new DigestCommand(request, kind)
            : new NotUnderstoodCommand(original, $"a {word} schedule request", problem ?? "", CommandHelp.ExampleFor(word));
    }

    private static Command Help(string original, List<CommandToken> rest)
    {
        var words = rest.Select(t => t.Normal).Where(w => w.Length > 0).ToList();
        if (words.Count == 0)
        {
            return new HelpCommand(null);
        }

        var topic = string.Join(' ', words);
        if (CommandHelp.Find(topic).Count > 0)
        {
            return new HelpCommand(topic);
        }

        return CommandHelp.Find(words[0]).Count > 0
            ? new HelpCommand(words[0])
            : new NotUnderstoodCommand(original, "a request for help",
                $"there is no help on \"{topic}\"; the topics are {string.Join(", ", CommandHelp.Topics)}", "help");
    }

    private static string ThemeText(CommandToken token) => token.Kind is TokenKind.Theme or TokenKind.Word ? token.Value : token.Raw;

    private static string NotAThemeName(string raw) => $"\"{raw}\" cannot be a theme name: use letters, digits and dashes";
}
