using CustomerPulseBot.Bench.Shared;

namespace CustomerPulseBot.SlackBench;

/// <summary>One <c>/pulse</c> capture with a quote no other capture of the run has, signed before its clock starts.</summary>
internal sealed record SignedCapture(string Quote, SignedSlashCommand Command)
{
    private const string AfterQuote = " customer:";

    /// <summary>Capture <paramref name="sequence"/> of a run: a few customers and themes recur, as in a real channel.</summary>
    public static SignedCapture Create(string secret, string team, string run, int sequence, DateTimeOffset now)
    {
        var quote = $"Bench capture {run}-{sequence}: exports time out on big accounts";
        var text = $"{quote}{AfterQuote}Acme{sequence % 40} kind:pain #bench-theme-{sequence % 8}";
        return new SignedCapture(
            quote, SignedSlashCommand.Create(secret, team, "C0BENCH01", $"U0BENCH{sequence % 20:00}", text, $"{sequence}.1.bench", now));
    }

    /// <summary>The quote of a capture's text, as <see cref="Create"/> wrote it.</summary>
    public static string QuoteOf(string text) => text[..text.IndexOf(AfterQuote, StringComparison.Ordinal)];

    public HttpRequestMessage ToRequest(Uri url) => Command.ToRequest(url);
}
