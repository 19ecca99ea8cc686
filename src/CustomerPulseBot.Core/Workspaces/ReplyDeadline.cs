namespace CustomerPulseBot.Core.Workspaces;

/// <summary>
/// The one deadline of a reply a person waits for: Slack shows an error when its acknowledgement takes 3 s, so
/// every Slack acknowledgement, Teams answer and playground answer goes by <see cref="Reply"/>, whatever the
/// database does. The work is cancelled at <see cref="Work"/>: the store then answers at once, saying whether
/// anything was saved (see <see cref="SaveUnconfirmedException"/>). Work that still has not answered by
/// <see cref="Reply"/> is left to finish on its own, and the caller gets a <see cref="TimeoutException"/>.
/// </summary>
public sealed class ReplyDeadline(TimeProvider clock)
{
    public static readonly TimeSpan Work = TimeSpan.FromSeconds(1.5);

    /// <summary>Leaves half a second of Slack's 2.5 s budget for the apology and the network, on a busy machine too.</summary>
    public static readonly TimeSpan Reply = TimeSpan.FromSeconds(2);

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken aborted)
    {
        // Disposed on the way out even when the work goes on: a token whose source is gone stays cancelled, and
        // registering on it is harmless.
        using var timer = new CancellationTokenSource(Work, clock);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(aborted, timer.Token);
        // On the thread pool: work that blocks its thread (a database driver waiting synchronously) cannot hold the reply.
        var running = Task.Run(() => work(cancel.Token), cancel.Token);
        try
        {
            return await running.WaitAsync(Reply, clock, aborted);
        }
        catch (TimeoutException)
        {
            // Its late failure is nobody's to see.
            _ = running.ContinueWith(
                ended => _ = ended.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }
    }
}
