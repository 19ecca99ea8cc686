using System.Data.Common;

namespace CustomerPulseBot.Core.Views;

/// <summary>Something failed on our side: an apology, the id to quote to an admin, and the text to resend.</summary>
public sealed record ErrorView(string Message, string OriginalText, string CorrelationId) : View
{
    public const string NotSaved = "Sorry, the database did not answer in time, so nothing was saved. Send it again in a moment.";

    public const string Unconfirmed =
        "Sorry, the database did not answer in time, and I cannot tell whether this was saved. " +
        "Send it again: if it was saved, I will say so instead of saving it twice.";

    public const string StoreFailed = "Sorry, the database could not take it just now, so nothing was saved. Send it again in a moment.";

    public const string WentWrong = "Sorry, something went wrong on our side.";

    /// <summary>
    /// The apology for a request that failed with <paramref name="failure"/>. It says "nothing was saved" only when
    /// that is certain: a write that was sent and never confirmed says so (<see cref="SaveUnconfirmedException"/>),
    /// as does a reply that ran out of time (<see cref="TimeoutException"/> from <see cref="Workspaces.ReplyDeadline"/>)
    /// with work still running; a cancelled request and a failed database call wrote nothing. Anything else may have
    /// come after a save, so it claims nothing.
    /// </summary>
    public static string Apology(Exception failure) => failure switch
    {
        SaveUnconfirmedException or TimeoutException => Unconfirmed,
        OperationCanceledException => NotSaved,
        DbException => StoreFailed,
        _ => WentWrong,
    };

    public static ErrorView For(Exception failure, string originalText, string correlationId) =>
        new(Apology(failure), originalText, correlationId);
}
