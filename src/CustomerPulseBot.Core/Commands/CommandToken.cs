namespace CustomerPulseBot.Core.Commands;

internal enum TokenKind
{
    Word,
    /// <summary><c>customer:Acme</c>, <c>segment:buyer</c>…: <see cref="CommandToken.Key"/> and <see cref="CommandToken.Value"/>.</summary>
    Field,
    /// <summary><c>#export-timeouts</c>: the value is the name as typed, without the hash.</summary>
    Theme,
    /// <summary>An http(s) link, unwrapped from Slack's <c>&lt;https://…|label&gt;</c> form; <see cref="CommandToken.Label"/> is the label.</summary>
    Link,
}

/// <summary>One piece of a command, with where it sits in the text so a capture can keep everything else verbatim.</summary>
internal sealed record CommandToken(TokenKind Kind, int Start, int End, string Raw, string Value, string? Key = null, string? Label = null)
{
    /// <summary>The word as the language compares it: lower case, outer punctuation and a possessive 's dropped.</summary>
    public string Normal { get; } = Kind == TokenKind.Word ? CommandTokenizer.Normalise(Raw) : Raw.ToLowerInvariant();
}
