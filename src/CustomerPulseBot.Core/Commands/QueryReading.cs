using CustomerPulseBot.Core.Trends;

namespace CustomerPulseBot.Core.Commands;

/// <summary>
/// What a query's words say: the words after <c>top</c> or <c>trends</c>, or a whole plain-language
/// question. <paramref name="Unknown"/> is the first word outside the question vocabulary;
/// <paramref name="Problem"/> the first thing wrong with a period or filter that was recognised.
/// </summary>
internal sealed record QueryReading(
    Period? Period, QueryFilters Filters, bool AsksTrends, bool AsksPains, string? Unknown, string? Problem)
{
    public static QueryReading Read(IEnumerable<CommandToken> tokens, DateOnly today)
    {
        var filters = new FilterCollector();
        var words = new List<CommandToken>();
        string? unknown = null;
        foreach (var token in tokens)
        {
            if (filters.Take(token))
            {
                continue;
            }

            if (token.Kind == TokenKind.Word && token.Normal.Length > 0)
            {
                words.Add(token);
            }
            else if (token.Kind != TokenKind.Word)
            {
                unknown ??= token.Raw;
            }
        }

        var normal = words.Select(w => w.Normal).ToList();
        Period? period = null;
        string? problem = null;
        (string Segment, int Rank)? segment = null;
        bool trends = false, pains = false;
        for (var i = 0; i < normal.Count;)
        {
            var match = PeriodParser.Match(normal, i, today);
            if (match.Length > 0)
            {
                if (match.Problem is not null)
                {
                    problem ??= match.Problem;
                }
                else if (period is not null)
                {
                    // A match without a problem always carries its period.
                    problem ??= $"\"{period.Label}\" and \"{match.Period!.Label}\" are two periods: name one";
                }
                else
                {
                    period = match.Period;
                }

                i += match.Length;
                continue;
            }

            if (QuestionWords.Segment(normal, i) is { } named)
            {
                segment = segment is { } best && best.Rank <= named.Rank ? best : (named.Segment, named.Rank);
                i += named.Length;
                continue;
            }

            var word = normal[i];
            trends |= QuestionWords.Trends.Contains(word);
            pains |= QuestionWords.Pains.Contains(word);
            var counted = i > 0 && normal[i - 1] == "top" && word.All(char.IsAsciiDigit); // "top 5 pain points"
            if (!QuestionWords.Trends.Contains(word) && !QuestionWords.Pains.Contains(word) && !QuestionWords.Fillers.Contains(word) && !counted)
            {
                unknown ??= words[i].Raw;
            }

            i++;
        }

        return new QueryReading(period, filters.Filters(segment?.Segment), trends, pains, unknown, problem ?? filters.Problem);
    }
}
