using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Web.Tests;

/// <summary>Keeps what the app logs, with the template's named values, so tests can check what leaves the app.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> entries = new();
    private readonly object gate = new();
    private TaskCompletionSource added = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyCollection<LogEntry> Entries => entries;

    public ILogger CreateLogger(string categoryName) => new Collector(categoryName, Add);

    /// <summary>
    /// The first entry that matches, once background work has logged it; gives up after 30 s, never to pass.
    /// </summary>
    public async Task<LogEntry> WaitForAsync(Func<LogEntry, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (entries.FirstOrDefault(match) is { } entry)
                {
                    return entry;
                }

                next = added.Task;
            }

            try
            {
                await next.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("No matching log entry within 30 s");
            }
        }
    }

    private void Add(LogEntry entry)
    {
        lock (gate)
        {
            entries.Enqueue(entry);
            added.TrySetResult();
            added = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Dispose()
    {
    }

    private sealed class Collector(string category, Action<LogEntry> add) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            add(new LogEntry(
                category, logLevel, formatter(state, exception), state as IReadOnlyList<KeyValuePair<string, object?>> ?? []));
    }
}

public sealed record LogEntry(string Category, LogLevel Level, string Message, IReadOnlyList<KeyValuePair<string, object?>> Values)
{
    public object? this[string name] => Values.FirstOrDefault(v => v.Key == name).Value;
}
