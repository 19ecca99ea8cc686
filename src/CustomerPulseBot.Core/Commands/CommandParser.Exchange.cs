using CustomerPulseBot.Core.ApiKeys;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Trends;

namespace CustomerPulseBot.Core.Commands;

// Data in and out from chat: api-key, export, and one customer's profile.
public static partial class CommandParser
{
    /// <summary>Words before an export's period that only say what is exported: "export all signals for this month".</summary>
    private static readonly HashSet<string> ExportNouns = ["the", "all", "a", "csv", "signals", "quotes", "data", "feedback", "file", "as", "for", "of", "from", "in"];

    /// <summary>The first words of a period, which make "export …" an export even when the rest cannot be read ("export this mnth").</summary>
    private static readonly HashSet<string> PeriodLeads = ["this", "last", "past", "previous", "since", "between", "today", "yesterday"];

    /// <summary>
    /// <c>api-key create [read|write] [name]</c> (also <c>--scope write --name "CRM sync"</c>, as the README's command
    /// line has it), <c>api-key list</c>, <c>api-key revoke &lt;name&gt;</c>.
    /// </summary>
    private static Command ApiKeyRequest(string original, List<CommandToken> rest)
    {
        var example = CommandHelp.ExampleFor("api-key");
        if (rest.Count == 0)
        {
            return new NotUnderstoodCommand(original, "a request about API keys", "say what to do with API keys: create, list or revoke", example);
        }

        var args = rest.Skip(1).ToList();
        return rest[0].Normal switch
        {
            "create" or "new" or "add" or "make" or "generate" => CreateApiKey(original, args),
            "list" or "ls" or "show" => args.Count == 0
                ? new ListApiKeysCommand()
                : new NotUnderstoodCommand(original, "a request for the list of API keys", $"\"api-key list\" takes no other words, so \"{args[0].Raw}\" is one too many",
                    CommandHelp.ExampleFor("api-key", typeof(ListApiKeysCommand))),
            "revoke" or "delete" or "remove" => RevokeApiKey(original, args),
            _ => new NotUnderstoodCommand(original, "a request about API keys",
                $"\"{rest[0].Raw}\" is not something I can do with API keys: use create, list or revoke", example),
        };
    }

    private static Command CreateApiKey(string original, List<CommandToken> args)
    {
        const string understood = "a request for a new API key";
        var example = CommandHelp.ExampleFor("api-key");
        ApiKeyScope? scope = null;
        var name = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var (flag, value) = Flag(args, ref i);
            switch (flag)
            {
                case "scope":
                    if (value is null || ScopeOf(value) is not { } named)
                    {
                        return new NotUnderstoodCommand(original, understood, $"\"{value ?? ""}\" is not a scope: use read or write", example);
                    }

                    scope = named;
                    break;
                case "name":
                    if (value is null)
                    {
                        return new NotUnderstoodCommand(original, understood, "--name needs a name right after it", example);
                    }

                    name.Add(value);
                    break;
                case null when i == 0 && ScopeOf(args[i].Normal) is { } first:
                    scope = first;
                    break;
                case null:
                    name.Add(args[i].Kind == TokenKind.Word ? args[i].Value.Trim() : args[i].Raw);
                    break;
                default:
                    return new NotUnderstoodCommand(original, understood, $"\"--{flag}\" is not an option of api-key create: use --scope read|write and --name", example);
            }
        }

        var label = string.Join(' ', name).Trim();
        return label.Length > ApiKeys.ApiKeys.MaxNameLength
            ? new NotUnderstoodCommand(original, understood, $"a key's name is at most {ApiKeys.ApiKeys.MaxNameLength} characters", example)
            : new CreateApiKeyCommand(scope ?? ApiKeyScope.Read, label.Length == 0 ? null : label);
    }

    private static Command RevokeApiKey(string original, List<CommandToken> args)
    {
        var example = CommandHelp.ExampleFor("api-key", typeof(RevokeApiKeyCommand));
        var name = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var (flag, value) = Flag(args, ref i);
            if (flag is not (null or "name"))
            {
                return new NotUnderstoodCommand(original, "a request to revoke an API key", $"\"--{flag}\" is not an option of api-key revoke: name the key", example);
            }

            name.Add(flag is null ? (args[i].Kind == TokenKind.Word ? args[i].Value.Trim() : args[i].Raw) : value ?? "");
        }

        var label = string.Join(' ', name).Trim();
        return label.Length == 0
            ? new NotUnderstoodCommand(original, "a request to revoke an API key", "api-key revoke needs the key's name, as api-key list shows it", example)
            : new RevokeApiKeyCommand(label);
    }

    /// <summary>
    /// An option at <paramref name="i"/>: <c>--scope write</c> or <c>--scope=write</c> (a dash that chat turned into — or – too),
    /// with its value, advancing past it; (null, null) for a plain word.
    /// </summary>
    private static (string? Flag, string? Value) Flag(List<CommandToken> args, ref int i)
    {
        var raw = args[i].Raw;
        var dashes = raw.StartsWith("--", StringComparison.Ordinal) ? 2 : raw.Length > 1 && raw[0] is '—' or '–' ? 1 : 0;
        if (dashes == 0 || args[i].Kind != TokenKind.Word)
        {
            return (null, null);
        }

        var option = raw[dashes..];
        var equals = option.IndexOf('=');
        if (equals >= 0)
        {
            return (option[..equals].ToLowerInvariant(), Unquoted(option[(equals + 1)..]));
        }

        if (i + 1 < args.Count && !args[i + 1].Raw.StartsWith('-') && args[i + 1].Raw[0] is not ('—' or '–'))
        {
            i++;
            return (option.ToLowerInvariant(), args[i].Kind == TokenKind.Word ? args[i].Value.Trim() : args[i].Raw);
        }

        return (option.ToLowerInvariant(), null);

        static string Unquoted(string value) => value.Trim('"', '“', '”', '\'');
    }

    private static ApiKeyScope? ScopeOf(string word) => word.ToLowerInvariant() switch
    {
        "read" or "read-only" or "readonly" => ApiKeyScope.Read,
        "write" or "read-write" or "readwrite" => ApiKeyScope.Write,
        _ => null,
    };

    /// <summary>
    /// <c>export this month [#theme]</c>. Words after "export" that neither are a period nor start like one ("export
    /// button is hidden") are left to be read as a quote (null); a period that cannot be read gets a reply.
    /// </summary>
    private static Command? Export(string original, List<CommandToken> rest, DateOnly today)
    {
        const string understood = "a request to export signals as CSV";
        var example = CommandHelp.ExampleFor("export");
        var themes = rest.Where(t => t.Kind == TokenKind.Theme).ToList();
        var others = rest.Where(t => t.Kind is TokenKind.Field or TokenKind.Link).ToList();
        var words = rest.Where(t => t.Kind == TokenKind.Word).Select(t => t.Normal).Where(w => w.Length > 0).ToList();
        var start = 0;
        while (start < words.Count && ExportNouns.Contains(words[start]) && !PeriodLeads.Contains(words[start]))
        {
            start++;
        }

        var match = PeriodParser.Match(words, start, today);
        var startsLikeAPeriod = start < words.Count && (match.Length > 0 || PeriodLeads.Contains(words[start]) || PeriodParser.IsPeriodWord(words[start]));
        if (words.Count == 0 && themes.Count == 0 && others.Count == 0)
        {
            return new NotUnderstoodCommand(original, understood, "export needs a period, such as this month or last week", example);
        }

        if (!startsLikeAPeriod)
        {
            return words.Count == 0 && others.Count == 0
                ? new NotUnderstoodCommand(original, understood, "export needs a period before the theme, such as this month", example)
                : null;
        }

        var problem = match switch
        {
            { Problem: { } wrong } => wrong,
            { Length: 0 } => $"\"{string.Join(' ', words.Skip(start))}\" is not a period I know",
            _ when start + match.Length < words.Count => $"\"{string.Join(' ', words.Skip(start + match.Length))}\" is more than a period and a #theme",
            _ when others.Count > 0 => $"\"{others[0].Raw}\" cannot narrow an export: it takes a period and one #theme",
            _ when themes.Count > 1 => "an export takes one #theme at a time",
            _ when themes.Count == 1 && ThemeName.Normalise(themes[0].Value) is null => $"\"{themes[0].Raw}\" cannot be a theme name: use letters, digits and dashes",
            _ => null,
        };
        return problem is null
            ? new ExportCommand(match.Period!, themes.Count == 0 ? null : ThemeName.Normalise(themes[0].Value)) // a match without a problem carries its period
            : new NotUnderstoodCommand(original, understood, problem, example);
    }

    /// <summary>
    /// <c>customer Acme</c>, <c>customer "Acme Corp"</c>: a name in quotes, or a few words each starting with a capital
    /// or a digit, or one word the question grammar does not know. Other words ("customer wants SSO", "customer says the
    /// export is slow") are a quote about a customer (null).
    /// </summary>
    private static Command? CustomerProfile(string original, List<CommandToken> rest)
    {
        if (rest.Count == 0)
        {
            return new NotUnderstoodCommand(original, "a request for a customer's profile", "name the customer, as in customer Acme; customers lists them",
                CommandHelp.ExampleFor("customer", typeof(CustomerCommand)));
        }

        if (rest.Any(t => t.Kind != TokenKind.Word))
        {
            return null;
        }

        var texts = rest.Select(t => CommandTokenizer.IsQuoteMark(t.Raw[0]) ? t.Value.Trim() : t.Raw.TrimEnd('?', '!', '.', ',')).ToList();
        var named = rest is [var quoted] && CommandTokenizer.IsQuoteMark(quoted.Raw[0])
            || rest.Count <= 4 && texts.All(t => t.Length > 0 && (char.IsUpper(t[0]) || char.IsDigit(t[0])))
            || rest is [var one] && !QuestionWords.IsKnown(one.Normal) && QuestionWords.Phrase([one.Normal], 0) is null && !PeriodParser.IsPeriodWord(one.Normal);
        var name = string.Join(' ', texts).Trim();
        if (!named || name.Length == 0)
        {
            return null;
        }

        return name.Length > SignalVocabulary.MaxCustomerLength
            ? new NotUnderstoodCommand(original, "a request for a customer's profile", $"a customer name is at most {SignalVocabulary.MaxCustomerLength} characters",
                CommandHelp.ExampleFor("customer", typeof(CustomerCommand)))
            : new CustomerCommand(name);
    }
}
