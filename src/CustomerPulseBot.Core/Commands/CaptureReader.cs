using System.Text;
using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Core.Commands;

/// <summary>
/// A one-line capture: fields, themes and the first link come out (a Slack link's label stays, see
/// <see cref="WebLink.Labelled"/>); everything else is the quote, kept as typed. Values stay raw:
/// <see cref="CaptureValidator"/> judges them, with errors beside each field.
/// </summary>
internal static class CaptureReader
{
    public static CaptureDraft Read(string text)
    {
        var fields = new Dictionary<string, string>();
        var themes = new List<string>();
        string? link = null;
        var taken = new List<CommandToken>();
        foreach (var token in CommandTokenizer.Tokenize(text))
        {
            var take = token.Kind switch
            {
                // A repeated field stays in the quote, where the person sees it, rather than being dropped.
                TokenKind.Field => fields.TryAdd(token.Key!, token.Value), // fields always have a key
                TokenKind.Theme => true,
                TokenKind.Link => link is null,
                _ => false,
            };
            if (!take)
            {
                continue;
            }

            taken.Add(token);
            if (token.Kind == TokenKind.Theme)
            {
                themes.Add(token.Value);
            }
            else if (token.Kind == TokenKind.Link)
            {
                link = token.Value;
            }
        }

        return new CaptureDraft(
            Quote(text, taken),
            fields.GetValueOrDefault("customer"),
            fields.GetValueOrDefault("segment"),
            fields.GetValueOrDefault("source"),
            fields.GetValueOrDefault("kind"),
            fields.GetValueOrDefault("stage"),
            themes,
            fields.GetValueOrDefault("severity"),
            link,
            fields.GetValueOrDefault("said"));
    }

    private static string Quote(string text, IReadOnlyList<CommandToken> taken)
    {
        var quote = new StringBuilder(text.Length);
        var at = 0;
        foreach (var token in taken)
        {
            quote.Append(text, at, token.Start - at);
            // A Slack link's label is words of the quote ("<https://…|the export guide> is wrong"): they stay, with
            // where the link led, since the link itself becomes the evidence.
            var kept = token is { Kind: TokenKind.Link, Label: { } label } ? WebLink.Labelled(label, token.Value) : "";
            if (kept.Length == 0)
            {
                while (quote.Length > 0 && quote[^1] is ' ' or '\t')
                {
                    quote.Length--;
                }
            }

            quote.Append(kept);
            at = token.End;
        }

        var rest = quote.Append(text, at, text.Length - at).ToString().Trim();
        var quoted = rest.Length >= 2
            && CommandTokenizer.IsQuoteMark(rest[0])
            && CommandTokenizer.ClosingQuote(rest, 1) == rest.Length - 1;
        return quoted ? rest[1..^1].Trim() : rest;
    }
}
