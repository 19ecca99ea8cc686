using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;

namespace CustomerPulseBot.Core.Commands;

/// <summary>
/// Gathers the filters a query names (<c>segment:</c>, <c>#theme</c>, <c>customer:</c>) and the first thing
/// wrong with them. Unlike a capture, a query checks its segment at once: there is no form to correct it in.
/// </summary>
internal sealed class FilterCollector
{
    private string? segment;
    private string? theme;
    private string? customer;

    public string? Problem { get; private set; }

    /// <summary>The filters named as fields, over those a question named in words: a field is the more deliberate of the two.</summary>
    public QueryFilters Filters(QueryFilters? fromWords = null)
    {
        var words = fromWords ?? QueryFilters.None;
        return words with { Segment = segment ?? words.Segment, Theme = theme ?? words.Theme, Customer = customer ?? words.Customer };
    }

    /// <summary>Takes the token if it is a filter (or a filter key with no value); false leaves it to the caller.</summary>
    public bool Take(CommandToken token)
    {
        switch (token)
        {
            case { Kind: TokenKind.Field, Key: "segment" }:
                var value = token.Value.Trim().ToLowerInvariant();
                Set(ref segment, value, SignalVocabulary.Segments.Contains(value) ? null : SegmentProblem(token.Value), "segment");
                return true;
            case { Kind: TokenKind.Field, Key: "customer" }:
                var name = token.Value.Trim();
                Set(ref customer, name, name.Length == 0 ? "customer: needs a name, e.g. customer:Acme or customer:\"Acme Corp\"" : null, "customer");
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
