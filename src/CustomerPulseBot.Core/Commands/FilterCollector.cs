using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;

namespace CustomerPulseBot.Core.Commands;

/// <summary>
/// Gathers the filters a query names (<c>segment:</c>, <c>#theme</c>, <c>customer:</c>, and the rest that
/// <see cref="QueryScope"/> writes: <c>source:call</c>, <c>kind:pain,request</c>, <c>severity:high</c> as the
/// least severity, <c>stage:onboard</c>, <c>segment:-internal</c> leaving a segment out) and the first thing
/// wrong with them. Unlike a capture, a query checks its values at once: there is no form to correct it in.
/// </summary>
internal sealed class FilterCollector
{
    private readonly List<string> excluded = [];
    private string? segment;
    private string? theme;
    private string? customer;
    private string? source;
    private string? kinds;
    private string? severity;
    private string? stage;

    public string? Problem { get; private set; }

    /// <summary>The filters named as fields, over those a question named in words: a field is the more deliberate of the two.</summary>
    public QueryFilters Filters(QueryFilters? fromWords = null)
    {
        var words = fromWords ?? QueryFilters.None;
        return words with
        {
            Segment = segment ?? words.Segment,
            Theme = theme ?? words.Theme,
            Customer = customer ?? words.Customer,
            ExcludedSegments = excluded.Count == 0 ? words.ExcludedSegments : (words.ExcludedSegments ?? []).Union(excluded).ToList(),
            Source = source ?? words.Source,
            Kinds = kinds?.Split(',').Select(k => Read<SignalKind>(k)!.Value).ToList() ?? words.Kinds, // kept only when every kind was read
            MinSeverity = Read<Severity>(severity) ?? words.MinSeverity,
            Stage = Read<JourneyStage>(stage) ?? words.Stage,
        };
    }

    /// <summary>Takes the token if it is a filter (or a filter key with no value); false leaves it to the caller.</summary>
    public bool Take(CommandToken token)
    {
        switch (token)
        {
            case { Kind: TokenKind.Field, Key: "segment" } when token.Value.StartsWith('-'):
                var left = token.Value[1..].Trim().ToLowerInvariant();
                if (SignalVocabulary.Segments.Contains(left))
                {
                    excluded.Add(left);
                }
                else
                {
                    Problem ??= SegmentProblem(token.Value[1..]);
                }

                return true;
            case { Kind: TokenKind.Field, Key: "segment" }:
                var value = token.Value.Trim().ToLowerInvariant();
                Set(ref segment, value, SignalVocabulary.Segments.Contains(value) ? null : SegmentProblem(token.Value), "segment");
                return true;
            case { Kind: TokenKind.Field, Key: "customer" }:
                var name = token.Value.Trim();
                Set(ref customer, name, name.Length == 0 ? "customer: needs a name, e.g. customer:Acme or customer:\"Acme Corp\"" : null, "customer");
                return true;
            case { Kind: TokenKind.Field, Key: "source" }:
                var named = token.Value.Trim().ToLowerInvariant();
                Set(ref source, named, SignalVocabulary.Sources.Contains(named) ? null : Unknown(token.Value, "source", string.Join(", ", SignalVocabulary.Sources)), "source");
                return true;
            case { Kind: TokenKind.Field, Key: "kind" }:
                var list = token.Value.ToLowerInvariant().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                var readable = list.Length > 0 && list.All(k => Read<SignalKind>(k) is not null);
                Set(ref kinds, string.Join(',', list), readable ? null : Unknown(token.Value, "kind", SignalVocabulary.Names<SignalKind>()), "kind list");
                return true;
            case { Kind: TokenKind.Field, Key: "severity" }:
                var level = token.Value.Trim().ToLowerInvariant();
                Set(ref severity, level, Read<Severity>(level) is null ? Unknown(token.Value, "severity", SignalVocabulary.Names<Severity>()) : null, "severity");
                return true;
            case { Kind: TokenKind.Field, Key: "stage" }:
                var step = token.Value.Trim().ToLowerInvariant();
                Set(ref stage, step, Read<JourneyStage>(step) is null ? Unknown(token.Value, "journey stage", SignalVocabulary.Names<JourneyStage>()) : null, "stage");
                return true;
            case { Kind: TokenKind.Theme }:
                var normal = ThemeName.Normalise(token.Value);
                Set(ref theme, normal ?? "", normal is null ? $"\"{token.Raw}\" cannot be a theme name: use letters, digits and dashes" : null, "theme", mark: "#");
                return true;
            case { Kind: TokenKind.Word, Normal: "segment" or "customer" } when CommandTokenizer.IsBareFieldKey(token.Raw):
                Problem ??= $"\"{token.Raw}\" needs a value right after the colon, e.g. {token.Raw}{(token.Normal == "segment" ? "enterprise" : "Acme")}";
                return true;
            default:
                return false;
        }
    }

    /// <summary>The member a word names ("onboard"), or null; numbers are not names here.</summary>
    private static TEnum? Read<TEnum>(string? word) where TEnum : struct, Enum =>
        word is not null && !int.TryParse(word, out _) && Enum.TryParse<TEnum>(word, ignoreCase: true, out var value) ? value : null;

    private static string Unknown(string raw, string what, string names) => $"\"{raw}\" is not a {what} I know. Use one of: {names}.";

    private static string SegmentProblem(string raw) =>
        $"\"{raw}\" is not a segment I know. Use one of: {string.Join(", ", SignalVocabulary.Segments)}.";

    private void Set(ref string? slot, string value, string? problem, string what, string mark = "")
    {
        if (problem is not null)
        {
            Problem ??= problem;
        }
        else if (slot is not null && slot != value)
        {
            Problem ??= $"{mark}{slot} and {mark}{value} are two {what}s: name one {what} at a time";
        }
        else
        {
            slot = value;
        }
    }
}
