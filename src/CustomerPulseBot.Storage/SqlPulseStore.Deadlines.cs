using System.Data.Common;
using CustomerPulseBot.Core;

namespace CustomerPulseBot.Storage;

/// <summary>
/// How every call meets its caller's deadline and survives a database restart. A call returns when its token is
/// cancelled, whatever the database does: a frozen PostgreSQL server answers no cancel request, and Npgsql waits
/// seconds for it, so the call is left to finish on its own. A write is committed only while its caller still waits
/// (<see cref="CommitGate"/>), so the caller is told the truth: not saved, saved, or unconfirmed. A call the server
/// dropped the connection of (<see cref="IsDroppedConnection"/>) runs once more on a new connection, when that cannot
/// write anything twice: a read, or a write whose commit was never sent.
/// </summary>
internal abstract partial class SqlPulseStore
{
    /// <summary>The dialect's test for a connection the server dropped or refused, where a new one may work.</summary>
    protected abstract bool IsDroppedConnection(Exception e);

    /// <summary>Closes the dialect's pooled connections after one was found dropped: the others likely were too.</summary>
    protected virtual void ForgetConnections()
    {
    }

    /// <summary>The dialect's test for a failed commit that certainly wrote nothing (the server said no).</summary>
    protected abstract bool RefusedToCommit(Exception e);

    /// <summary>
    /// Runs <paramref name="read"/>, which opens its own connection, and once more when the server had dropped the
    /// connection: also for a write that is the same when repeated (insert-or-nothing, a delete of old rows).
    /// </summary>
    protected Task<T> ReadAsync<T>(Func<CancellationToken, Task<T>> read, CancellationToken ct) =>
        AgainIfDroppedAsync(() => UnlessAbandonedAsync(read, ct), ct);

    /// <summary>
    /// Runs <paramref name="write"/>, which opens its own connection for one statement that commits by itself and
    /// tells what it changed (so it may not run twice), returning when <paramref name="ct"/> is cancelled; never again.
    /// </summary>
    protected Task<T> OnceAsync<T>(Func<CancellationToken, Task<T>> write, CancellationToken ct) => UnlessAbandonedAsync(write, ct);

    /// <summary>
    /// Runs <paramref name="write"/> (its commands on the connection and transaction it is given) atomically, on a
    /// connection of its own: in a transaction, or, when it is <paramref name="oneCommand"/>, without one, since the
    /// statements of one PostgreSQL command run in one implicit transaction and the command is then its commit. When
    /// <paramref name="ct"/> is cancelled it returns at once: cancelled (<see cref="OperationCanceledException"/>)
    /// when the commit was not sent, and then never is; <see cref="SaveUnconfirmedException"/> when it was sent and
    /// its answer has not come, as when the connection is lost while it commits. When the server dropped the
    /// connection before the commit was sent, it runs once more on a new one.
    /// </summary>
    protected virtual Task<T> WriteAsync<T>(
        Func<DbConnection, DbTransaction?, CancellationToken, Task<T>> write, bool oneCommand, CancellationToken ct) =>
        AgainIfDroppedAsync(() => WriteOnceAsync(write, oneCommand, ct), ct);

    /// <summary>
    /// The one retry rule: <paramref name="call"/> once more, on new connections, when the server had dropped the
    /// connection it used; the callers pass only calls that cannot write anything twice.
    /// </summary>
    private async Task<T> AgainIfDroppedAsync<T>(Func<Task<T>> call, CancellationToken ct)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (IsDroppedConnection(e) && !ct.IsCancellationRequested)
        {
            ForgetConnections();
            return await call();
        }
    }

    private async Task<T> WriteOnceAsync<T>(
        Func<DbConnection, DbTransaction?, CancellationToken, Task<T>> write, bool oneCommand, CancellationToken ct)
    {
        var gate = new CommitGate();
        try
        {
            return await UnlessAbandonedAsync(token => CommitAsync(write, oneCommand, gate, token), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested && !gate.TryAbandon())
        {
            throw new SaveUnconfirmedException("The write was sent to be committed, and its answer did not come in time.");
        }
    }

    private async Task<T> CommitAsync<T>(
        Func<DbConnection, DbTransaction?, CancellationToken, Task<T>> write, bool oneCommand, CommitGate gate, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        T written = default!; // set by the write, or it throws
        if (oneCommand)
        {
            StartCommit(gate, ct);
            await ConfirmedAsync(async () => written = await write(connection, null, ct));
            return written;
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        written = await write(connection, transaction, ct);
        StartCommit(gate, ct);
        // Not cancelled once sent: only its answer can tell whether it was written.
        await ConfirmedAsync(() => transaction.CommitAsync(CancellationToken.None));
        return written;
    }

    /// <summary>Passes the gate, or leaves without a commit (rolled back) when the caller has given up.</summary>
    private static void StartCommit(CommitGate gate, CancellationToken ct)
    {
        if (!gate.TryCommit())
        {
            throw new OperationCanceledException("The caller gave up before the commit; it is rolled back.", ct);
        }
    }

    /// <summary>A failed commit wrote nothing only when the database said no; otherwise nobody knows.</summary>
    private async Task ConfirmedAsync(Func<Task> commit)
    {
        try
        {
            await commit();
        }
        catch (Exception e) when (!RefusedToCommit(e))
        {
            throw new SaveUnconfirmedException("The connection failed while the write was committed.", e);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a token of its own and returns when it ends or <paramref name="ct"/> is
    /// cancelled, whichever comes first. Then the work is cancelled and left to end alone; nobody sees its late
    /// failure. Npgsql cancels a command by sending the server a cancel request and waiting for it to be taken,
    /// synchronously: on a frozen server that blocks the canceller for about twice the connect timeout. So the
    /// cancelling is done on a thread of its own, never on the thread pool, which a few blocked threads starve
    /// (a health check took 3.6 s of its 2 s so).
    /// </summary>
    private static async Task<T> UnlessAbandonedAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var own = new CancellationTokenSource();
        var running = work(own.Token);
        var abandoned = false;
        try
        {
            return await running.WaitAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested && running.IsCompletedSuccessfully)
        {
            return running.Result;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            abandoned = true;
            _ = running.ContinueWith(
                ended => _ = ended.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            new Thread(() => Cancel(own)) { IsBackground = true, Name = "Abandoned database call" }.Start();
            throw;
        }
        finally
        {
            // An abandoned call's token source stays: the work may hold its token for seconds yet, and it has no timer.
            if (!abandoned)
            {
                own.Dispose();
            }
        }
    }

    /// <summary>On a thread of its own, where nothing may escape: a callback that fails leaves the work to its own timeouts.</summary>
    private static void Cancel(CancellationTokenSource abandoned)
    {
        try
        {
            abandoned.Cancel();
        }
        catch (AggregateException)
        {
        }
    }
}
