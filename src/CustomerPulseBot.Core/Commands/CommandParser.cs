using System.Text.RegularExpressions;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Commands;

/// <summary>
/// Pure: text in, command out, for every input. A first word that names a command commits to it, so a
/// slip gets a precise reply instead of being stored as a quote. Text that reads as a question (a question
/// mark, a question or request word first, "top 3", "pain points") and carries no capture marker (a field,
/// a #theme, a link, quotation marks) is answered, never stored: <see cref="QueryReading"/> reads it by its
/// parts. Anything else is a capture.
/// </summary>
public static partial class CommandParser
{
    /// <summary>How far back search, counts and customers look when no period is named.</summary>
    public const int LookBackDays = 90;

    /// <summary>The shortest id prefix a confirmation shows; shorter prefixes would too often match two signals.</summary>
    public const int ShortIdLength = 6;

    private const string SlashCommand = "/pulse";

    /// <summary>Words after "undo" that still mean undo my last capture: "undo that", "undo my last capture".</summary>
    private static readonly HashSet<string> UndoWords = ["", "last", "that", "it", "this", "my", "the", "capture", "signal", "quote", "please", "one", "previous"];

    /// <summary>
    /// Parses with <paramref name="today"/> (in the person's time zone) placing dates typed without a year: "since 20 Dec"
    /// means the latest 20 Dec up to today; "since last week" starts on the workspace's <paramref name="weekStart"/>.
    /// </summary>
    public static Command Parse(string text, DateOnly today, DayOfWeek weekStart)
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
            "top" => Query(original, tokens, today, weekStart, "top", "a request for top pain points", r => new TopCommand(r.Period ?? Period.ThisWeek, r.Filters, r.Count, ByRevenue: r.ByRevenue)),
            "trends" => Query(original, tokens, today, weekStart, "trends", "a request for friction trends", r => new TrendsCommand(r.Period ?? Period.ThisWeek, r.Filters)),
            "search" => Search(original, rest, today),
            "undo" when rest.All(t => UndoWords.Contains(t.Normal)) => new UndoCommand(),
            "delete" or "edit" when SignalReference(original, keyword, rest) is { } reference => reference,
            "customer" when rest.Count > 0 && rest[0].Normal == "merge" => MergeCustomers(original, rest.Skip(1).ToList()),
            "customer" when CustomerProfile(original, rest) is { } profile => profile,
            "customers" when rest.Count == 0 => new CustomersCommand(Period.LastDays(LookBackDays), QueryFilters.None),
            "api-key" or "api-keys" or "apikey" or "apikeys" or "api_key" => ApiKeyRequest(original, rest),
            "api" when rest.Count > 0 && rest[0].Normal is "key" or "keys" => ApiKeyRequest(original, rest.Skip(1).ToList()),
            "export" when Export(original, rest, today) is { } export => export,
            "forget" when Forget(original, rest) is { } forget => forget,
            "themes" when rest.Count > 0 && rest[0].Normal == "new" => NewThemes(original, rest.Skip(1).ToList(), today),
            "themes" => rest.Count == 0
                ? new ThemesCommand()
                : new NotUnderstoodCommand(original, "a request for the theme list", $"\"themes\" takes no other words, so \"{rest[0].Raw}\" is one too many", CommandHelp.ExampleFor("themes")),
            "theme" => Theme(original, body, rest),
            "digest" => Digest(original, rest, SubscriptionKind.Digest, weekStart),
            "brief" => Digest(original, rest, SubscriptionKind.Brief, weekStart),
            "settings" when Settings(original, rest) is { } settings => settings,
            "admins" when Admins(original, body, rest) is { } admins => admins,
            // "add" is not a keyword: requests begin with it ("add a dark mode"), and those are quotes.
            "capture" => rest.Count == 0 ? new OpenCaptureFormCommand() : Capture(body[rest[0].Start..]),
            _ when NearMiss(original, keyword, rest, today) is { } slip => slip,
            _ => FreeText(original, body, tokens, today, weekStart),
        };
    }

    /// <summary>
    /// A first word one slip away from <c>export</c> or <c>api-key</c> ("exprot", "api-kye") followed by what that command
    /// takes is a typo, answered with the command to send; a first word that only looks alike ("expert advice …") is left alone.
    /// </summary>
    private static NotUnderstoodCommand? NearMiss(string original, string keyword, List<CommandToken> rest, DateOnly today)
    {
        var meant = new[] { "export", "api-key" }.FirstOrDefault(k => OneSlipFrom(keyword, k));
        var reads = meant switch
        {
            "export" => Export(original, rest, today),
            "api-key" when rest.Count > 0 && rest[0].Normal is "create" or "list" or "revoke" => ApiKeyRequest(original, rest),
            _ => null,
        };
        return reads is null or NotUnderstoodCommand
            ? null
            : new NotUnderstoodCommand(original, $"a request that reads like {meant}", $"\"{keyword}\" is not a command: did you mean {meant}?", CommandHelp.ExampleFor(meant!));
    }

    /// <summary>One letter wrong, missing, extra, or two neighbours swapped (optimal string alignment distance 1).</summary>
    private static bool OneSlipFrom(string typed, string word)
    {
        if (typed == word || Math.Abs(typed.Length - word.Length) > 1 || typed.Length < 4)
        {
            return false;
        }

        var d = new int[typed.Length + 1, word.Length + 1];
        for (var i = 0; i <= typed.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= word.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= typed.Length; i++)
        {
            for (var j = 1; j <= word.Length; j++)
            {
                var cost = typed[i - 1] == word[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && typed[i - 1] == word[j - 2] && typed[i - 2] == word[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[typed.Length, word.Length] == 1;
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
    /// <summary>
    /// Words the command language does not know after the keyword are refused, as always, unless the whole text
    /// reads as a question ("top issues with SSO this month?"): then it is answered as one, by its parts.
    /// </summary>
    private static Command Query(
        string original, List<CommandToken> tokens, DateOnly today, DayOfWeek weekStart, string topic, string understood, Func<QueryReading, Command> create)
    {
        var reading = QueryReading.Read(tokens, today, weekStart, strict: true);
        var problem = reading.Problem ?? reading.Unknown switch
        {
            null => null,
            var word when word.Contains(':') && !word.Contains("://") => $"\"{word}\" is not a filter here: use segment:…, #theme or customer:…",
            var word => $"\"{word}\" is not a period I know",
        };
        if (problem is null)
        {
            return create(reading);
        }

        var question = QueryReading.Read(tokens, today, weekStart, strict: false);
        var onlyWords = tokens.All(t => t.Kind == TokenKind.Word || t is { Kind: TokenKind.Theme } or { Kind: TokenKind.Field, Key: "segment" or "customer" });
        return reading.Problem is null && onlyWords && question is { ReadsAsQuestion: true, Problem: null, Filters.Topic: not null }
            ? Question(original, question with { Answer = topic == "top" ? AnswerKind.Top : AnswerKind.Trends })
            : new NotUnderstoodCommand(original, understood, problem, CommandHelp.ExampleFor(topic));
    }

    /// <summary>
    /// Words that do not start with a command. Read wholly as a query (every word known, with filter fields or not),
    /// they are a question, as they always were; otherwise a capture marker makes them a capture, and the shape of
    /// a question makes them a question read as well as it can be.
    /// </summary>
    private static Command FreeText(string original, string body, List<CommandToken> tokens, DateOnly today, DayOfWeek weekStart)
    {
        var reading = QueryReading.Read(tokens, today, weekStart, strict: false);
        if (reading.WhollyUnderstood)
        {
            return Question(original, reading);
        }

        if (tokens.Any(t => t.Kind != TokenKind.Word))
        {
            return Capture(body);
        }

        return reading.ReadsAsQuestion ? Question(original, reading) : Capture(body);
    }

    /// <summary>
    /// The command a question asks for. Rankings, trends, summaries and the journey default to this week; counts and
    /// customers look back 90 days, as search does, since they ask about everything heard so far.
    /// </summary>
    private static Command Question(string original, QueryReading reading)
    {
        var (understood, type) = reading.Answer switch
        {
            AnswerKind.Top => ("a question about top pain points", typeof(TopCommand)),
            AnswerKind.Trends => ("a question about rising and falling themes", typeof(TrendsCommand)),
            AnswerKind.Search => ("a question about what customers said", typeof(SearchCommand)),
            AnswerKind.Count => ("a question about how many", typeof(CountCommand)),
            AnswerKind.Customers => ("a question about which customers", typeof(CustomersCommand)),
            AnswerKind.Shipped => ("a question about something shipped", typeof(ShippedCommand)),
            AnswerKind.Summary => ("a request for a summary", typeof(SummaryCommand)),
            AnswerKind.NewThemes => ("a question about new themes", typeof(ThemesNewCommand)),
            _ => ("a question about the customer journey", typeof(JourneyCommand)),
        };
        if (reading.Problem is { } problem)
        {
            // New themes are asked for in few words: help shows them under themes new, not among the questions.
            var example = type == typeof(ThemesNewCommand) ? CommandHelp.ExampleFor("themes", type) : CommandHelp.ExampleFor("questions", type);
            return new NotUnderstoodCommand(original, understood, problem, example);
        }

        var named = reading.Period;
        var lookBack = named ?? Period.LastDays(LookBackDays);
        var week = named ?? Period.ThisWeek;
        var shown = reading.Answer switch
        {
            AnswerKind.Search or AnswerKind.Shipped => named,
            AnswerKind.Count or AnswerKind.Customers => lookBack,
            _ => week,
        };
        var asked = new Asked(original, reading.Describe(shown), reading.Ignored, reading.Notes);
        var filters = reading.Filters;
        return reading.Answer switch
        {
            AnswerKind.Top => new TopCommand(week, filters, reading.Count, asked, reading.ByRevenue),
            AnswerKind.Trends => new TrendsCommand(week, filters, asked),
            AnswerKind.Search => new SearchCommand("", named, filters, asked),
            AnswerKind.Count => new CountCommand(lookBack, filters, asked),
            AnswerKind.Customers => new CustomersCommand(lookBack, filters, asked),
            AnswerKind.Shipped => new ShippedCommand(filters, asked),
            AnswerKind.Summary => new SummaryCommand(week, filters, asked),
            AnswerKind.NewThemes => new ThemesNewCommand(week, asked),
            _ => new JourneyCommand(week, filters, asked),
        };
    }

    /// <summary>
    /// <c>delete &lt;id&gt;</c> and <c>edit &lt;id&gt;</c>. Words that are not an id ("delete button is hidden") are
    /// left to be read as a quote or question (null); a lone word with digits is a mistyped id and gets a reply.
    /// </summary>
    private static Command? SignalReference(string original, string keyword, List<CommandToken> rest)
    {
        var understood = $"a request to {keyword} a signal";
        var example = CommandHelp.ExampleFor(keyword);
        if (rest.Count == 0)
        {
            return new NotUnderstoodCommand(original, understood, $"{keyword} needs the id of a signal, as its capture confirmation shows it", example);
        }

        var id = rest[0].Raw.Trim('#', '`', '"', '\'', '.', ',', '(', ')', '[', ']', '<', '>', '“', '”');
        if (rest.Count > 1 || !id.Any(char.IsAsciiDigit) && !IsSignalId(id))
        {
            return null;
        }

        if (!IsSignalId(id))
        {
            return new NotUnderstoodCommand(original, understood,
                $"\"{rest[0].Raw}\" is not a signal id: use the id its capture confirmation shows (at least {ShortIdLength} letters and digits, 0-9 and a-f)", example);
        }

        var reference = id.ToLowerInvariant();
        return keyword == "delete" ? new DeleteSignalCommand(reference) : new EditSignalCommand(reference);
    }

    private static bool IsSignalId(string id) =>
        Guid.TryParse(id, out _) || (id.Length is >= ShortIdLength and <= 32 && id.All(char.IsAsciiHexDigit));

    /// <summary><c>customer merge "Acme Corp" Acme</c> or <c>customer merge Acme Corp into Acme</c>: the first name is folded into the second.</summary>
    private static Command MergeCustomers(string original, List<CommandToken> rest)
    {
        const string understood = "a request to merge two customers";
        var example = CommandHelp.ExampleFor("customer");
        var split = rest.FindIndex(t => t.Kind == TokenKind.Word && !CommandTokenizer.IsQuoteMark(t.Raw[0]) && t.Normal is "into" or "to" or "with" or "->" or "→");
        var (from, into) = split >= 0
            ? (Name(rest.Take(split)), Name(rest.Skip(split + 1)))
            : rest.Count == 2 ? (Name(rest.Take(1)), Name(rest.Skip(1))) : ("", "");
        if (from.Length == 0 || into.Length == 0)
        {
            return new NotUnderstoodCommand(original, understood,
                "customer merge needs two names, the one to fold in and the one to keep; put a name with spaces in quotes or write \"into\" between them", example);
        }

        if (string.Equals(from, into, StringComparison.OrdinalIgnoreCase))
        {
            return new NotUnderstoodCommand(original, understood, $"\"{from}\" and \"{into}\" are already one customer: names differing only in capitals count as one", example);
        }

        return from.Length > SignalVocabulary.MaxCustomerLength || into.Length > SignalVocabulary.MaxCustomerLength
            ? new NotUnderstoodCommand(original, understood, $"a customer name is at most {SignalVocabulary.MaxCustomerLength} characters", example)
            : new MergeCustomersCommand(from, into);

        static string Name(IEnumerable<CommandToken> tokens) =>
            string.Join(' ', tokens.Select(t => t.Kind == TokenKind.Word ? t.Value.Trim() : t.Raw)).Trim();
    }

    /// <summary>
    /// <c>forget customer:Acme</c> or <c>forget customer:"Acme Corp"</c>. Words after "forget" that do not name a customer
    /// ("forget the old export screen") are left to be read as a quote (null).
    /// </summary>
    private static Command? Forget(string original, List<CommandToken> rest)
    {
        const string understood = "a request to erase every signal of a customer";
        var example = CommandHelp.ExampleFor("forget");
        if (rest is [{ Kind: TokenKind.Field, Key: "customer" } field])
        {
            var name = field.Value.Trim();
            return name.Length is 0 or > SignalVocabulary.MaxCustomerLength
                ? new NotUnderstoodCommand(original, understood, $"a customer name is 1 to {SignalVocabulary.MaxCustomerLength} characters", example)
                : new ForgetCustomerCommand(name);
        }

        return rest switch
        {
            [{ Kind: TokenKind.Field, Key: "customer" }, var more, ..] => new NotUnderstoodCommand(original, understood,
                $"\"{more.Raw}\" is one word too many: put a name with spaces in quotes, as in customer:\"Acme Corp\"", example),
            [{ Kind: TokenKind.Word, Normal: "customer" }, ..] => new NotUnderstoodCommand(original, understood,
                "name the customer as customer:<name>", example),
            _ => null,
        };
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
        return searched.Length == 0 && filters.Filters().IsEmpty
            ? new NotUnderstoodCommand(original, understood, "there are no words to search for", CommandHelp.ExampleFor("search"))
            : new SearchCommand(searched, period, filters.Filters());
    }

    /// <summary><c>themes new [period]</c>: the period is all the words left, or none for this week.</summary>
    private static Command NewThemes(string original, List<CommandToken> rest, DateOnly today)
    {
        if (rest.Count == 0)
        {
            return new ThemesNewCommand(Period.ThisWeek);
        }

        var match = PeriodParser.Match([.. rest.Select(t => t.Normal)], 0, today);
        return match switch
        {
            { Problem: { } problem } => new NotUnderstoodCommand(original, "a request for new themes", problem, CommandHelp.ExampleFor("themes", typeof(ThemesNewCommand))),
            { Period: { } period } when match.Length == rest.Count => new ThemesNewCommand(period),
            _ => new NotUnderstoodCommand(original, "a request for new themes",
                $"\"{string.Join(' ', rest.Skip(match.Length).Select(t => t.Raw))}\" is not a period I know", CommandHelp.ExampleFor("themes", typeof(ThemesNewCommand))),
        };
    }

    private static Command Theme(string original, string body, List<CommandToken> rest)
    {
        var action = rest.Count > 0 ? rest[0].Normal : "";
        return action switch
        {
            "merge" => Merge(original, rest.Skip(1)),
            "rename" => Rename(original, rest.Skip(1)),
            "ship" or "shipped" => Ship(original, body, rest),
            "" => new NotUnderstoodCommand(original, "a theme command", "say what to do with the theme: merge, rename or ship", CommandHelp.ExampleFor("theme")),
            _ => new NotUnderstoodCommand(original, "a theme command", $"\"{rest[0].Raw}\" is not something I can do to a theme: use merge, rename or ship", CommandHelp.ExampleFor("theme")),
        };
    }

    /// <summary><c>theme rename slow-dash slow-dashboard</c>, or with "to" or "as" between the names.</summary>
    private static Command Rename(string original, IEnumerable<CommandToken> tokens)
    {
        const string understood = "a request to rename a theme";
        var example = CommandHelp.ExampleFor("theme", typeof(RenameThemeCommand));
        var raw = tokens.Where(t => t.Normal is not ("to" or "as" or "into" or "")).Select(ThemeText).ToList();
        if (raw.Count != 2)
        {
            return new NotUnderstoodCommand(original, understood,
                $"theme rename needs two theme names, the one it has and the one it gets; I found {raw.Count}", example);
        }

        var (from, to) = (ThemeName.Normalise(raw[0]), ThemeName.Normalise(raw[1]));
        return (from, to) switch
        {
            (null, _) => new NotUnderstoodCommand(original, understood, NotAThemeName(raw[0]), example),
            (_, null) => new NotUnderstoodCommand(original, understood, NotAThemeName(raw[1]), example),
            _ when from == to => new NotUnderstoodCommand(original, understood, $"#{from} is already called that", example),
            _ => new RenameThemeCommand(from, to),
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

    private static Command Digest(string original, List<CommandToken> rest, SubscriptionKind kind, DayOfWeek weekStart)
    {
        var (request, problem) = DigestReader.Read(rest, weekStart);
        var word = kind == SubscriptionKind.Brief ? "brief" : "digest";
        return request is not null
            ? new DigestCommand(request, kind)
            : new NotUnderstoodCommand(original, $"a {word} schedule request", problem ?? "", CommandHelp.ExampleFor(word));
    }

    /// <summary>
    /// <c>settings</c>, <c>settings timezone Europe/Berlin</c>, <c>settings week-start sunday</c>,
    /// <c>settings auto-tag off</c>, <c>settings redact off</c>. Other words after
    /// "settings" ("settings page is broken") are left to be read as a quote or question (null), as delete's are.
    /// </summary>
    private static Command? Settings(string original, List<CommandToken> rest)
    {
        if (rest.Count == 0)
        {
            return new SettingsCommand();
        }

        var words = rest.Select(t => t.Normal).ToList();
        (string? setting, int length) = words switch
        {
            ["timezone" or "time-zone" or "tz", ..] => ("timezone", 1),
            ["time", "zone", ..] => ("timezone", 2),
            ["week-start" or "weekstart" or "week-starts", ..] => ("week-start", 1),
            ["week", "start" or "starts", ..] => ("week-start", 2),
            ["auto-tag" or "autotag" or "auto-tagging" or "autotagging", ..] => ("auto-tag", 1),
            ["auto", "tag" or "tagging", ..] => ("auto-tag", 2),
            ["redact" or "redaction" or "masking", ..] => ("redact", 1),
            _ => (null, 0),
        };
        if (setting is null)
        {
            return null;
        }

        // "settings timezone to Europe/Berlin", "settings week starts on sunday" read as the bare forms.
        var value = rest.Skip(length).SkipWhile(t => t.Normal is "to" or "on" or "=" or "is").ToList();
        var typed = string.Join(' ', value.Select(t => t.Raw)).TrimEnd('.', ',', '!');
        // Each setting's mistake gets an example of that setting (help has one entry for both).
        var example = setting switch
        {
            "timezone" => CommandHelp.ExampleFor("settings"),
            "auto-tag" => "settings auto-tag off",
            "redact" => "settings redact off",
            _ => "settings week-start sunday",
        };
        if (setting is "auto-tag" or "redact")
        {
            // "on" is the value here, not the filler of "week starts on sunday".
            var word = string.Join(' ', rest.Skip(length).Where(t => t.Normal is not ("to" or "=" or "is")).Select(t => t.Normal)).TrimEnd('.', ',', '!');
            bool? on = word switch
            {
                "on" or "yes" or "true" => true,
                "off" or "no" or "false" => false,
                _ => null,
            };
            var understood = setting == "redact" ? "a change to masking personal data" : "a change to auto-tagging";
            return on switch
            {
                null => new NotUnderstoodCommand(original, understood,
                    word.Length == 0 ? $"settings {setting} needs on or off" : $"\"{word}\" is not on or off", example),
                _ when setting == "redact" => new SettingsCommand(Redact: on),
                _ => new SettingsCommand(AutoTag: on),
            };
        }

        if (setting == "timezone")
        {
            const string understood = "a change to the workspace's time zone";
            return typed.Length == 0
                ? new NotUnderstoodCommand(original, understood, $"settings timezone needs a zone: an IANA name such as {Zones.Examples}", example)
                : Zones.Find(typed) is { } zone
                    ? new SettingsCommand(TimeZone: zone.Id)
                    : new NotUnderstoodCommand(original, understood, $"\"{typed}\" is not a time zone I know: use an IANA name such as {Zones.Examples}", example);
        }

        const string week = "a change to the day the workspace's weeks start";
        return typed.Length == 0
            ? new NotUnderstoodCommand(original, week, "settings week-start needs a day: monday, sunday or any other day of the week", example)
            : value.Count == 1 && PeriodParser.Weekday(value[0].Normal) is { } day
                ? new SettingsCommand(WeekStart: day)
                : new NotUnderstoodCommand(original, week, $"\"{typed}\" is not a day of the week: use monday, sunday or any other, in full or as mon, sun", example);
    }

    /// <summary>
    /// <c>admins</c>, <c>admins add @name</c>, <c>admins remove @name</c>: the person is everything after the verb, as
    /// typed (a Slack <c>&lt;@U…&gt;</c>, a Teams <c>&lt;at&gt;Name&lt;/at&gt;</c>, an @name), for the platform to read.
    /// Other words after "admins" ("admins add users by hand") are left to be read as a quote (null).
    /// </summary>
    private static Command? Admins(string original, string body, List<CommandToken> rest)
    {
        if (rest.Count == 0)
        {
            return new AdminsCommand();
        }

        var verb = rest[0].Normal;
        if (verb is not ("add" or "remove"))
        {
            return null;
        }

        var example = CommandHelp.ExampleFor("admins", verb == "add" ? typeof(AddAdminCommand) : typeof(RemoveAdminCommand));
        var understood = verb == "add" ? "a request to add a workspace admin" : "a request to remove a workspace admin";
        if (rest.Count == 1)
        {
            return new NotUnderstoodCommand(original, understood, $"admins {verb} needs the person: @mention them", example);
        }

        var mention = body[rest[1].Start..].Trim();
        if (!StartsWithMention(mention))
        {
            return null;
        }

        var mentions = Mention().Count(mention);
        return mentions > 1
            ? new NotUnderstoodCommand(original, understood, $"that names {mentions} people: {verb} one at a time", example)
            : verb == "add" ? new AddAdminCommand(mention) : new RemoveAdminCommand(mention);

        static bool StartsWithMention(string text) => Mention().Match(text) is { Success: true, Index: 0 };
    }

    /// <summary>Where a mention starts: Slack's &lt;@U…&gt;, Teams' &lt;at&gt;, or a typed @name.</summary>
    [GeneratedRegex(@"<@|<at>|(?<![\w<])@\S", RegexOptions.IgnoreCase)]
    private static partial Regex Mention();

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
