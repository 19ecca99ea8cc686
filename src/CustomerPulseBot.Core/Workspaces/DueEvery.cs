namespace CustomerPulseBot.Core.Workspaces;

/// <summary>
/// When a clean-up that any host may do is due on this one: at most once per interval, and to one caller at a time,
/// so a busy host does not repeat it on every request.
/// </summary>
public sealed class DueEvery(TimeSpan interval)
{
    private long nextTicks;

    /// <summary>True for the one caller that finds the chore due at <paramref name="now"/>; it is then due again an interval later.</summary>
    public bool Claim(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref nextTicks);
        return now.UtcTicks >= due && Interlocked.CompareExchange(ref nextTicks, (now + interval).UtcTicks, due) == due;
    }
}
