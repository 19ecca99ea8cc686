using System.Data.Common;
using System.Threading.Channels;

namespace CustomerPulseBot.Storage;

/// <summary>
/// The one writer of a SQLite store, committing in groups. Writes queue in memory; one task takes what has queued,
/// runs each under a savepoint of one transaction and commits them together: one lock and one WAL sync for many,
/// where each write on a connection of its own spun on the file lock (p99 276 ms at 16 captures at once). A write
/// that fails is rolled back to its savepoint, and the others of its batch still commit.
/// A write is taken from the queue only once the transaction holds the lock, which other processes may keep it
/// waiting for (the busy timeout); until then its caller may give up, and it is then never run. Once taken it runs
/// to its end whatever the caller's token says, so a caller is told "cancelled" only of a write never committed.
/// The writer keeps its connection between batches, and on it the statements it has run, compiled: SQLite compiles
/// a statement (and the triggers it fires) anew for every command, which cost more than running a capture's, and
/// Microsoft.Data.Sqlite keeps them only per command object (dotnet/efcore#14044).
/// </summary>
internal sealed class SqliteWriter : IAsyncDisposable
{
    /// <summary>The most writes in one transaction: enough for every request a host has in flight.</summary>
    private const int MaxBatch = 256;

    /// <summary>The most statements kept compiled: the store's writes have a few dozen texts (one per number of themes).</summary>
    private const int MaxCompiled = 128;

    private const string Savepoint = "write";

    private readonly Channel<QueuedWrite> queue = Channel.CreateUnbounded<QueuedWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<CancellationToken, ValueTask<DbConnection>> open;
    private readonly Dictionary<string, DbCommand> compiled = new(StringComparer.Ordinal);
    private readonly Task writing;

    /// <summary>The writer's connection, open from its first batch until one fails; only the writing task uses it.</summary>
    private DbConnection? connection;

    public SqliteWriter(Func<CancellationToken, ValueTask<DbConnection>> open)
    {
        this.open = open;
        writing = Task.Run(WriteQueuedAsync);
    }

    public Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> write, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var queued = new QueuedWrite<T>(write, ct);
        if (!queue.Writer.TryWrite(queued))
        {
            throw new ObjectDisposedException(nameof(SqliteWriter), "The SQLite store is shut down.");
        }

        return queued.Result;
    }

    /// <summary>
    /// The command to run for <paramref name="built"/>, a command built by a write on the writer's connection: one
    /// with the same text compiled before, given its parameters and transaction. The caller does not dispose it. A
    /// command on another connection is its own.
    /// </summary>
    public DbCommand Compiled(DbCommand built)
    {
        if (connection is null || built.Connection != connection)
        {
            return built;
        }

        var command = Statement(built.CommandText, built.Transaction);
        command.Parameters.Clear();
        foreach (DbParameter parameter in built.Parameters)
        {
            var copy = command.CreateParameter();
            copy.ParameterName = parameter.ParameterName;
            copy.Value = parameter.Value;
            command.Parameters.Add(copy);
        }

        return command;
    }

    /// <summary>Takes no more writes, and returns when those queued have been written.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writing;
        await CloseAsync();
    }

    private async Task WriteQueuedAsync()
    {
        var waiting = new List<QueuedWrite>();
        while (await queue.Reader.WaitToReadAsync())
        {
            Drain(waiting);
            await CommitAsync(waiting);
            waiting.Clear();
        }
    }

    private void Drain(List<QueuedWrite> waiting)
    {
        while (waiting.Count < MaxBatch && queue.Reader.TryRead(out var write))
        {
            waiting.Add(write);
        }
    }

    /// <summary>Writes what is waiting, and what queues until the lock is held, in one transaction. Never throws.</summary>
    private async Task CommitAsync(List<QueuedWrite> waiting)
    {
        DbTransaction? transaction = null;
        var failed = false;
        try
        {
            connection ??= await open(CancellationToken.None);
            // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default): the wait for another process's lock is here.
            transaction = await connection.BeginTransactionAsync();
            Drain(waiting);
            var written = new List<QueuedWrite>();
            foreach (var write in waiting.Where(w => w.TryTake()).ToList())
            {
                await Statement($"SAVEPOINT {Savepoint}", transaction).ExecuteNonQueryAsync();
                try
                {
                    await write.RunAsync(connection, transaction);
                    written.Add(write);
                }
                catch (Exception e)
                {
                    write.Fail(e);
                    // Its own statements are undone; if that fails, the transaction is lost and the catch below fails the rest.
                    await Statement($"ROLLBACK TO {Savepoint}", transaction).ExecuteNonQueryAsync();
                }

                await Statement($"RELEASE {Savepoint}", transaction).ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
            written.ForEach(w => w.Succeed());
        }
        catch (Exception e)
        {
            failed = true;
            // Nothing of the batch was committed; writes cancelled in the queue keep their answer.
            foreach (var write in waiting)
            {
                write.Fail(e);
            }
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            // The connection may be what failed: the next batch opens another.
            if (failed)
            {
                await CloseAsync();
            }
        }
    }

    /// <summary>The compiled statement for <paramref name="text"/> on the writer's connection, compiling it the first time.</summary>
    private DbCommand Statement(string text, DbTransaction? transaction)
    {
        if (!compiled.TryGetValue(text, out var command))
        {
            if (compiled.Count == MaxCompiled)
            {
                Forget();
            }

            command = connection!.CreateCommand(); // only called once the batch has opened it
            command.CommandText = text;
            compiled.Add(text, command);
        }

        command.Transaction = transaction;
        return command;
    }

    private void Forget()
    {
        foreach (var command in compiled.Values)
        {
            command.Dispose();
        }

        compiled.Clear();
    }

    private async Task CloseAsync()
    {
        Forget();
        if (connection is not null)
        {
            await connection.DisposeAsync();
            connection = null;
        }
    }

    /// <summary>A write waiting in the queue: queued, then either taken by the writer or cancelled by its caller, never both.</summary>
    private abstract class QueuedWrite
    {
        private const int Queued = 0;
        private const int Taken = 1;
        private const int Cancelled = 2;

        private int state = Queued;

        public bool TryTake() => Interlocked.CompareExchange(ref state, Taken, Queued) == Queued;

        public abstract Task RunAsync(DbConnection connection, DbTransaction transaction);

        /// <summary>The write was committed: its caller gets the result.</summary>
        public abstract void Succeed();

        /// <summary>The write was not committed; a write already answered keeps its answer.</summary>
        public abstract void Fail(Exception e);

        protected bool TryCancel() => Interlocked.CompareExchange(ref state, Cancelled, Queued) == Queued;
    }

    private sealed class QueuedWrite<T> : QueuedWrite
    {
        private readonly Func<DbConnection, DbTransaction, CancellationToken, Task<T>> write;
        private readonly TaskCompletionSource<T> result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenRegistration cancellation;
        private T? written;

        public QueuedWrite(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> write, CancellationToken ct)
        {
            this.write = write;
            cancellation = ct.Register(() =>
            {
                if (TryCancel())
                {
                    result.TrySetCanceled(ct);
                }
            });
        }

        public Task<T> Result => result.Task;

        public override async Task RunAsync(DbConnection connection, DbTransaction transaction)
        {
            await cancellation.DisposeAsync();
            written = await write(connection, transaction, CancellationToken.None);
        }

        public override void Succeed() => result.TrySetResult(written!); // set by RunAsync, which the writer awaited first

        public override void Fail(Exception e) => result.TrySetException(e);
    }
}
