namespace CustomerPulseBot.Web.Outbound;

/// <summary>The "Outbound" section: how long the app waits on Slack and Microsoft before it gives up on an attempt.</summary>
public sealed class OutboundOptions
{
    public const string Section = "Outbound";

    /// <summary>
    /// A call makes at most three attempts with at most two waits, each no longer than an attempt: it ends within
    /// five times the attempt timeout (75 s at the default, 2.5 minutes at this longest allowed).
    /// </summary>
    public static readonly TimeSpan LongestAttempt = TimeSpan.FromSeconds(30);

    /// <summary>One attempt's limit, from sending the request to reading the whole answer.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
