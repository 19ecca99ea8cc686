using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Trends;

namespace CustomerPulseBot.Core.Commands;

/// <summary>
/// What a query's words say, read by a small grammar: a period, filters in words or fields, a count ("top 3"),
/// the kind of answer asked for, and the content words that say what it is about (the topic). Used for the words
/// after <c>top</c> and <c>trends</c> (strictly: a word outside the grammar is <paramref name="Unknown"/>) and
/// for questions in a person's own words (leniently: content words become the topic).
/// </summary>
/// <param name="Cued">Words asked for the answer ("top", "how many", "rising"), strongly enough to make even a text without a question's shape a question.</param>
/// <param name="Unknown">The first word or field outside the grammar, as typed.</param>
/// <param name="Problem">The first thing wrong with a period, count or filter that was recognised.</param>
/// <param name="ReadsAsQuestion">Ends with a question mark, opens like a question or a request, or asks for a ranking in so many words.</param>
/// <param name="Ignored">Content words that were not taken as the topic.</param>
/// <param name="Notes">What vague words became ("recently" read as the last 14 days).</param>
/// <param name="ByRevenue">A ranking weighed by the revenue of the customers behind each theme ("by revenue", "cost us the most").</param>
internal sealed record QueryReading(
    Period? Period,
    QueryFilters Filters,
    AnswerKind Answer,
    bool Cued,
    int? Count,
    string? Unknown,
    string? Problem,
    bool ReadsAsQuestion,
    IReadOnlyList<string> Ignored,
    IReadOnlyList<string> Notes,
    bool ByRevenue = false)
{
    /// <summary>The most themes a ranking shows; more would not fit one chat message.</summary>
    public const int MaxCount = 25;

    private const string ClosingMarks = "\"'”’)]*_ ";

    /// <summary>Splits words glued by dashes and punctuation: "points—past", "week,enterprise".</summary>
    private static readonly char[] Separators = ['—', '–', ',', ';', ':', '!', '?', '(', ')', '…'];

    /// <summary>
/// Every word belongs to the grammar and asks for an answer, or names a period and a filter ("feature requests from
/// prospects last 2 months"): no customer speaks only in those words, so such a text is a question even with filter fields in it.
/// </summary>
    public bool WhollyUnderstood => Unknown is null && Ignored.Count == 0 && Filters.Topic is null && (Cued || (Period is not null && !Filters.IsEmpty));

    public static QueryReading Read(IEnumerable<CommandToken> tokens, DateOnly today, DayOfWeek weekStart, bool strict)
    {
        var filters = new FilterCollector();
        var words = new List<Word>();
        (string Raw, int Start)? stray = null;
        var questionMark = false;
        var clauseEnded = false;
        foreach (var token in tokens)
        {
            var trimmed = token.Raw.TrimEnd(ClosingMarks.ToCharArray());
            questionMark = trimmed.EndsWith('?');
            if (filters.Take(token))
            {
                continue;
            }

            if (token.Kind == TokenKind.Word)
            {
                words.AddRange(Pieces(token, clauseEnded));
            }
            else
            {
                stray ??= (token.Raw, token.Start);
            }

            clauseEnded = trimmed.Length > 0 && Separators.Contains(trimmed[^1]);
        }

        return new Reader(words, today, weekStart, strict).Read(filters, stray, questionMark);
    }

    /// <summary>Short words for the reading: "top 3 pain points · this week · enterprise".</summary>
    public string Describe(Period? period)
    {
        var kinds = Filters.Kinds ?? [];
        var noun = kinds.Count > 0 && Answer == AnswerKind.Top ? FilterWords.Kinds(kinds) : "pain points";
        var parts = new List<string>
        {
            Answer switch
            {
                AnswerKind.Top => Count switch
                {
                    1 when noun is "pain points" or "complaints" or "requests" or "questions" => $"#1 {noun[..^1]}",
                    { } n => $"top {n} {noun}",
                    null => $"top {noun}",
                } + (ByRevenue ? " by revenue" : ""),
                AnswerKind.Trends => "rising and falling themes",
                AnswerKind.Search => "what customers said",
                AnswerKind.Count => "how many signals",
                AnswerKind.Customers => "which customers",
                AnswerKind.Shipped => "before and after it shipped",
                AnswerKind.Summary => "a summary",
                AnswerKind.NewThemes => "new themes among the untagged quotes",
                _ => "friction by journey stage",
            },
        };
        if (Answer != AnswerKind.Shipped)
        {
            parts.Add(period?.Label ?? "the last 90 days");
        }

        parts.AddRange(FilterWords.Of(Filters, kinds: Answer != AnswerKind.Top));
        return string.Join(" · ", parts);
    }

    /// <summary>The words of one token; <paramref name="clauseEnded"/>: punctuation before it ends a clause, so a topic does not run across it.</summary>
    private static IEnumerable<Word> Pieces(CommandToken token, bool clauseEnded)
    {
        if (CommandTokenizer.IsQuoteMark(token.Raw[0]))
        {
            // A quoted phrase is one piece: "search for \"single sign-on\"".
            yield return new Word(token.Value.Trim().ToLowerInvariant(), token.Value.Trim(), false, false, token.Raw, token.Start, clauseEnded);
            yield break;
        }

        var at = 0;
        var broken = clauseEnded;
        foreach (var piece in token.Raw.Split(Separators))
        {
            var normal = CommandTokenizer.Normalise(piece);
            if (normal.Any(char.IsLetterOrDigit))
            {
                var text = piece.Replace('’', '\'').Trim("?!.,;:\"'()[]{}“”‘*_`~-".ToCharArray());
                var possessive = text.EndsWith("'s", StringComparison.OrdinalIgnoreCase);
                text = possessive ? text[..^2] : text;
                yield return new Word(normal, text, text.Length > 0 && char.IsUpper(text[0]), possessive, piece, token.Start + at, broken);
            }

            at += piece.Length + 1;
            broken = true;
        }
    }

    /// <summary>One word of a query: compared as <paramref name="Normal"/>, shown as <paramref name="Text"/> (case kept, punctuation off).</summary>
    private sealed record Word(string Normal, string Text, bool Capitalised, bool Possessive, string Raw, int Start, bool StartsClause);

    /// <summary>One pass over the words; the state of that pass.</summary>
    private sealed class Reader(List<Word> words, DateOnly today, DayOfWeek weekStart, bool strict)
    {
        private readonly List<string> normal = words.Select(w => w.Normal).ToList();
        private readonly List<int> content = [];
        private readonly List<string> notes = [];
        private readonly List<string> excluded = [];
        private readonly List<string> dropped = [];
        private readonly SortedSet<SignalKind> kinds = [];
        private Period? period;
        private string? problem;
        private int? count;
        private (string Segment, int Rank)? segment;
        private string? source;
        private string? customer;
        private Severity? severity;
        private JourneyStage? stage;
        private bool byRevenue;

        public QueryReading Read(FilterCollector fields, (string Raw, int Start)? stray, bool questionMark)
        {
            for (var i = 0; i < normal.Count;)
            {
                i += PeriodAt(i) is > 0 and var p ? p
                    : Ahead(i) is > 0 and var a ? a
                    : Exclusion(i) is > 0 and var e ? e
                    : Counted(i) ? 1
                    : Revenue(i) is > 0 and var r ? r
                    : Name(i) is > 0 and var n ? n
                    : Phrase(i) is > 0 and var f ? f
                    : Other(i);
            }

            var runs = Runs();
            var topic = runs.Count == 0 ? null : runs.FirstOrDefault(r => Lead(r[0]) is { } lead && QuestionWords.TopicLeads.Contains(lead)) ?? runs.MaxBy(r => r.Count);
            var ignored = dropped.Concat(runs.Where(r => r != topic).Select(Text)).ToList();
            var (answer, cued) = Answer(topic is not null);
            var named = kinds.ToList();
            var listedKinds = answer is AnswerKind.Search or AnswerKind.Count or AnswerKind.Customers || named.Any(k => k != SignalKind.Pain)
                ? named
                : [];
            var spoken = new QueryFilters(
                segment?.Segment, null, customer, excluded.Count > 0 ? excluded.Distinct().ToList() : null, source,
                listedKinds.Count > 0 ? listedKinds : null, severity, stage, topic is null ? null : Text(topic));
            // After a keyword, content words are a topic only when a word such as "about" introduces them.
            var unexpected = content.Where(i => !(topic is not null && topic.Contains(i) && Lead(topic[0]) is { } lead && QuestionWords.StrictTopicLeads.Contains(lead))).ToList();
            var unknown = new[] { stray, unexpected.Count > 0 ? (words[unexpected[0]].Raw, words[unexpected[0]].Start) : null }
                .OfType<(string Raw, int Start)>()
                .OrderBy(u => u.Start)
                .Select(u => u.Raw)
                .FirstOrDefault();
            return new QueryReading(
                period, fields.Filters(spoken), answer, cued, count, unknown, problem ?? fields.Problem,
                questionMark || OpensAsQuestion() || OpensAsCount() || AsksForRanking(), ignored, notes, byRevenue && answer == AnswerKind.Top);
        }

        /// <summary>
        /// Revenue as the weight of a ranking: "by revenue", "the most ARR", "revenue-weighted", "revenue impact", "cost us
        /// the most", "the most expensive". A revenue word in any other place ("revenue reports are wrong") is content.
        /// </summary>
        private int Revenue(int i)
        {
            var word = normal[i];
            var lead = i > 0 ? normal[i - 1] : null;
            lead = lead is "the" or "our" && i > 1 ? normal[i - 2] : lead;
            var ranked = lead is not null && (QuestionWords.Ranking.Contains(lead) || QuestionWords.RevenueLeads.Contains(lead));
            var next = i + 1 < normal.Count ? normal[i + 1] : null;
            var length = word switch
            {
                _ when QuestionWords.RevenueNouns.Contains(word) && (ranked || next is "impact" or "impacted" or "weighted" or "affected" or "exposure") => 1,
                _ when word.EndsWith("-weighted", StringComparison.Ordinal) && QuestionWords.RevenueNouns.Contains(word[..^"-weighted".Length]) => 1,
                _ when QuestionWords.CostVerbs.Contains(word) && (next is "us" or "the" or "most" || next is not null && QuestionWords.Ranking.Contains(next)) => 1,
                _ when QuestionWords.CostAdjectives.Contains(word) && (ranked || word is "costliest" or "priciest") => 1,
                _ => 0,
            };
            if (length == 0)
            {
                return 0;
            }

            byRevenue = true;
            while (i + length < normal.Count && QuestionWords.RevenueTails.Contains(normal[i + length])
                && (normal[i + length] != "at" || i + length + 1 < normal.Count && normal[i + length + 1] == "risk"))
            {
                length++;
            }

            return length;
        }

        private int PeriodAt(int i)
        {
            var match = PeriodParser.Match(normal, i, today);
            if (!strict && match.Problem is not null && PeriodParser.SinceStart(normal, i, today, weekStart) is { Length: > 0 } since)
            {
                match = since;
            }

            if (match.Length == 0 || (match.Problem is not null && !strict && !LooksLikeAPeriod(i, match.Length)))
            {
                return 0;
            }

            if (match.Problem is not null)
            {
                problem ??= match.Problem;
            }
            else if (period is not null && strict)
            {
                // A match without a problem always carries its period.
                problem ??= $"\"{period.Label}\" and \"{match.Period!.Label}\" are two periods: name one";
            }
            else if (period is not null)
            {
                // "this week vs last week": answers compare with the period before anyway, so the first period stands.
                dropped.Add(string.Join(' ', words.Skip(i).Take(match.Length).Select(w => w.Text)));
            }
            else
            {
                period = match.Period;
                if (match.Note is { } note)
                {
                    notes.Add(note);
                }
            }

            return match.Length;
        }

        /// <summary>
        /// "next quarter", "the coming weeks": answers look back, never ahead, so in a question such words are not
        /// read as a period (nor silently as this one) but reported as not understood.
        /// </summary>
        private int Ahead(int i)
        {
            if (strict || normal[i] is not ("next" or "coming" or "upcoming") || i + 1 >= normal.Count || !PeriodParser.IsPeriodWord(normal[i + 1]))
            {
                return 0;
            }

            dropped.Add($"{words[i].Text} {words[i + 1].Text}");
            return 2;
        }

        /// <summary>"since we shipped" and "the last issue" are not periods gone wrong; "since last week" and "last 30" are.</summary>
        private bool LooksLikeAPeriod(int i, int length) =>
            normal.Skip(i).Take(length + 1).Any(w => w.Any(char.IsAsciiDigit) || PeriodParser.IsPeriodWord(w));

        /// <summary>"excluding internal", "not partners or prospects", "other than admins", "non-internal".</summary>
        private int Exclusion(int i)
        {
            if (normal[i].StartsWith("non-", StringComparison.Ordinal) && QuestionWords.Phrase([normal[i][4..]], 0) is { Sense.Segment: { } one })
            {
                excluded.Add(one);
                return 1;
            }

            var length = QuestionWords.Excluding.Contains(normal[i]) ? 1
                : QuestionWords.ExcludingPairs.TryGetValue(normal[i], out var second) && i + 1 < normal.Count && normal[i + 1] == second ? 2
                : 0;
            var j = i + length;
            while (length > 0 && j < normal.Count && normal[j] is "from" or "the" or "any" or "our")
            {
                j++; // "not from internal users", "except the partners"
            }

            var took = false;
            while (length > 0 && j < normal.Count && QuestionWords.Phrase(normal, j) is { Sense.Segment: { } named } phrase)
            {
                excluded.Add(named);
                took = true;
                j += phrase.Length;
                // "excluding enterprise buyers" leaves out one group, described twice.
                while (j < normal.Count && QuestionWords.Phrase(normal, j) is { Sense.Segment: not null } same)
                {
                    j += same.Length;
                }

                if (j + 1 < normal.Count && normal[j] is "and" or "or" or "nor" && QuestionWords.Phrase(normal, j + 1) is { Sense.Segment: not null })
                {
                    j++;
                }
            }

            return took ? j - i : 0;
        }

        /// <summary>How many themes to rank: "top 3", "#1", "the five biggest", "3 most common issues".</summary>
        private bool Counted(int i)
        {
            var word = normal[i];
            var next = i + 1 < normal.Count ? normal[i + 1] : null;
            var number = 0;
            var counts = word.StartsWith('#')
                ? int.TryParse(word[1..], out number)
                : word is not ("few" or "couple") && PeriodParser.TryNumber(word, out number)
                    && (i > 0 && normal[i - 1] == "top"
                        || next is not null && (QuestionWords.Ranking.Contains(next) || next is "themes" or "things" or "items" or "topics" or "areas"
                            || QuestionWords.Phrase(normal, i + 1) is { Sense.Kind: not null }))
                    && !(next is not null && PeriodParser.IsPeriodWord(next));
            if (!counts)
            {
                return false;
            }

            if (number is < 1 or > MaxCount)
            {
                problem ??= $"I can rank the top 1 to {MaxCount}, not {words[i].Normal.TrimStart('#')}";
            }
            else
            {
                count ??= number;
            }

            return true;
        }

        /// <summary>
        /// A customer named as people write them: "from Acme", "at Globex", "for Initech", "Acme's", "did Hooli say".
        /// An all-capitals word after "for" or "by" is more likely a product term ("for SSO") than a customer.
        /// </summary>
        private int Name(int i)
        {
            if (!words[i].Capitalised || Vocabulary(i))
            {
                return 0;
            }

            var end = i;
            while (end < words.Count && words[end].Capitalised && !Vocabulary(end))
            {
                end++;
                if (words[end - 1].Possessive)
                {
                    break;
                }
            }

            var lead = i > 0 ? normal[i - 1] : null;
            var capitals = words.Skip(i).Take(end - i).All(w => w.Text.All(c => !char.IsLetter(c) || char.IsUpper(c)));
            var named = words[end - 1].Possessive
                || (lead is not null && QuestionWords.StrongNameLeads.Contains(lead))
                || (lead is not null && QuestionWords.WeakNameLeads.Contains(lead) && !capitals)
                || (i > 0 && end < normal.Count && QuestionWords.Telling.Contains(normal[end]));
            if (!named)
            {
                return 0;
            }

            customer ??= string.Join(' ', words.Skip(i).Take(end - i).Select(w => w.Text));
            return end - i;
        }

        private bool Vocabulary(int i) =>
            QuestionWords.IsKnown(normal[i]) || QuestionWords.Phrase(normal, i) is not null
            || PeriodParser.Match(normal, i, today).Length > 0 || PeriodParser.TryNumber(normal[i], out _);

        private int Phrase(int i)
        {
            if (QuestionWords.Phrase(normal, i) is not { } phrase)
            {
                return 0;
            }

            var sense = phrase.Sense;
            if (sense.Segment is { } named && (segment is not { } best || named != best.Segment && sense.Rank < best.Rank))
            {
                segment = (named, sense.Rank);
            }

            source ??= sense.Source;
            stage ??= sense.Stage;
            if (sense.Kind is { } kind)
            {
                kinds.Add(kind);
            }

            if (sense.Severity is { } level && (severity is null || level > severity))
            {
                severity = level;
            }

            return phrase.Length;
        }

        private int Other(int i)
        {
            if (!QuestionWords.IsKnown(normal[i]) || Describes(i))
            {
                content.Add(i);
            }

            return 1;
        }

        /// <summary>Content words side by side in one clause, as runs: "slow dashboards" is one, "exports … SSO" and "exports, honestly" two.</summary>
        private List<List<int>> Runs()
        {
            var runs = new List<List<int>>();
            foreach (var i in content)
            {
                if (runs.Count > 0 && runs[^1][^1] == i - 1 && !words[i].StartsClause)
                {
                    runs[^1].Add(i);
                }
                else
                {
                    runs.Add([i]);
                }
            }

            return runs;
        }

        /// <summary>The word before a run of content words, over an article or possessive: "about" in "about the new editor".</summary>
        private string? Lead(int start)
        {
            var at = start - 1;
            if (at >= 0 && Determiner(normal[at]))
            {
                at--;
            }

            return at >= 0 ? normal[at] : null;
        }

        private static bool Determiner(string word) => word is "the" or "a" or "an" or "our" or "your" or "their" or "this" or "that" or "my" or "its";

        /// <summary>"the new editor": "new" describes a thing, part of the topic, rather than asking what is new.</summary>
        private bool Describes(int i) =>
            normal[i] == "new" && i > 0 && Determiner(normal[i - 1])
            && i + 1 < normal.Count && !QuestionWords.IsKnown(normal[i + 1]) && QuestionWords.Phrase(normal, i + 1) is null;

        /// <summary>"new customers", "new admins": who they are, not what is new.</summary>
        private bool NewCustomers(int k) =>
            normal[k] == "new" && k + 1 < normal.Count
            && (QuestionWords.CustomerNouns.Contains(normal[k + 1]) || QuestionWords.Phrase(normal, k + 1) is { Sense.Segment: not null });

        private string Text(List<int> run) => string.Join(' ', run.Select(i => words[i].Text));

        private bool Has(IReadOnlySet<string> set) => normal.Any(set.Contains);

        private bool Has(params string[] any) => normal.Any(any.Contains);

        private bool Pair(string first, params string[] second) =>
            Enumerable.Range(0, Math.Max(0, normal.Count - 1)).Any(k => normal[k] == first && second.Contains(normal[k + 1]));

        /// <summary>The answer the words ask for, most specific first; and whether words asked for it rather than the fallback.</summary>
        private (AnswerKind, bool) Answer(bool hasTopic)
        {
            var pains = kinds.Contains(SignalKind.Pain);
            if (Pair("how", "many", "much", "often") || Pair("number", "of") || Has("count", "counts", "tally"))
            {
                return (AnswerKind.Count, true);
            }

            if (AsksForCustomers())
            {
                return (AnswerKind.Customers, true);
            }

            if (Has(QuestionWords.Shipping) && Has(QuestionWords.Effect))
            {
                return (AnswerKind.Shipped, true);
            }

            if (Has(QuestionWords.Summary))
            {
                return (AnswerKind.Summary, true);
            }

            if (Has(QuestionWords.Journey) || (First() == "where" && (pains || Has(QuestionWords.Stuck))))
            {
                return (AnswerKind.Journey, true);
            }

            // "new themes", "emerging topics": themes nobody has named yet, which discovery finds.
            if (Pair("new", "themes", "topics") || Pair("emerging", "themes", "topics"))
            {
                return (AnswerKind.NewThemes, true);
            }

            if (Enumerable.Range(0, normal.Count).Any(k => QuestionWords.Trends.Contains(normal[k]) && !Describes(k) && !NewCustomers(k)))
            {
                return (AnswerKind.Trends, true);
            }

            if (count is not null || Has(QuestionWords.Ranking) || (pains && !hasTopic) || (byRevenue && !hasTopic && Has(QuestionWords.Openers)))
            {
                return (AnswerKind.Top, true);
            }

            // Not a cue strong enough to make a text a question on its own: "love it" is praise a customer gave.
            if (hasTopic || kinds.Count > 0 || Has(QuestionWords.Telling) || Has(QuestionWords.Quotes))
            {
                return (AnswerKind.Search, false);
            }

            // Nothing asked for a kind of answer: with a filter, what was said there; with none, a summary of the period.
            var filtered = segment is not null || customer is not null || source is not null || stage is not null || severity is not null || excluded.Count > 0;
            return (filtered ? AnswerKind.Search : AnswerKind.Summary, false);
        }

        /// <summary>"who …", "which customers", "list the accounts", "customers affected by …", but not "what customers said".</summary>
        private bool AsksForCustomers()
        {
            if (First() is "who" or "whom" or "whose" or "whos")
            {
                return true;
            }

            for (var k = 0; k < normal.Count; k++)
            {
                if (!QuestionWords.CustomerNouns.Contains(normal[k]))
                {
                    continue;
                }

                var before = normal.Skip(Math.Max(0, k - 3)).Take(Math.Min(3, k)).ToList();
                var named = k - 1;
                while (named >= 0 && QuestionWords.Phrase(normal, named) is { Sense.Segment: not null })
                {
                    named--; // "what enterprise customers"
                }

                if (before.Contains("which")
                    || (named >= 0 && normal[named] == "what" && !Has(QuestionWords.Telling) && !Has(QuestionWords.Quotes))
                    || before.Any(w => w is "list" or "name")
                    || (k + 1 < normal.Count && normal[k + 1] is "who" or "affected" or "impacted" or "hit" && !Has(QuestionWords.Quotes)))
                {
                    return true;
                }
            }

            return false;
        }

        private string? First() => normal.SkipWhile(QuestionWords.Greetings.Contains).FirstOrDefault();

        private bool OpensAsQuestion() => First() is { } first && QuestionWords.Openers.Contains(first);

        /// <summary>
        /// "number of mentions of SSO", "count of complaints": a count of what customers said or of customers, not
        /// "number of seats is wrong", which a customer says.
        /// </summary>
        private bool OpensAsCount()
        {
            var opening = normal.SkipWhile(QuestionWords.Greetings.Contains).Take(3).ToList();
            return opening is [("number" or "count" or "tally" or "total"), "of", var counted]
                && (QuestionWords.Telling.Contains(counted) || QuestionWords.Quotes.Contains(counted) || QuestionWords.CustomerNouns.Contains(counted)
                    || counted is "people" or "times" || QuestionWords.Phrase([counted], 0) is { Sense.Kind: not null });
        }

        /// <summary>"top 3", "top pain points", "pain points", "trending", "complaints": the words of a request for a ranking.</summary>
        private bool AsksForRanking() =>
            Has("trending", "complaints", "painpoints", "pain-points")
            || Pair("pain", "point", "points")
            || Enumerable.Range(0, normal.Count).Any(k => normal[k] == "top" && k + 1 < normal.Count
                && (PeriodParser.TryNumber(normal[k + 1], out _) || QuestionWords.Phrase(normal, k + 1) is { Sense.Kind: not null }
                    || (normal[k + 1] is "customer" or "customers" && QuestionWords.Phrase(normal, k + 2) is { Sense.Kind: not null })));
    }
}
