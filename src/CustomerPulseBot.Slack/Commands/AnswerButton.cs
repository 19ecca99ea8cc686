using CustomerPulseBot.Core.Commands;

namespace CustomerPulseBot.Slack.Commands;

/// <summary>
/// What a "Share in channel" or "Post to channel" button carries, sealed by <see cref="AnswerOffers"/>: the channel
/// it was offered in and the person it was offered to (a click anywhere else, or by anyone else, is refused), and
/// the signal to share or the words to answer again.
/// </summary>
internal sealed record AnswerButton(string Channel, string User, Guid? Signal = null, string? Text = null)
{
    /// <summary>
    /// What "Post to channel" may run again: the answer to a question, which reads and changes nothing. Anything else
    /// (a capture, <c>theme ship</c>, <c>digest off</c>) is refused even in a sealed value, should one ever hold it.
    /// </summary>
    public static bool Posts(Command command) => command is TopCommand or TrendsCommand or SearchCommand or CountCommand
        or CustomersCommand or ShippedCommand or SummaryCommand or JourneyCommand or ThemesCommand or ThemesNewCommand;
}
