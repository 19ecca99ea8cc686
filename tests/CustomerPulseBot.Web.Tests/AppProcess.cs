using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using CustomerPulseBot.TestKit;

namespace CustomerPulseBot.Web.Tests;

/// <summary>
/// The built app in a process of its own, started as a person starts it: <c>dotnet CustomerPulseBot.Web.dll</c> (the build
/// copied beside the tests) or <c>dotnet run</c> on the project. Settings go in as environment variables; none of this
/// process's own ASP.NET Core or app settings leak into it. Still running at the end, it is killed with its children.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    // Only a guard against a hung process: a start-up that passes takes a few seconds even on a busy machine.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly Process process;
    private readonly ConcurrentQueue<string> stdout = new();
    private readonly ConcurrentQueue<string> stderr = new();
    private readonly object gate = new();
    private TaskCompletionSource printed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(Process process) => this.process = process;

    public IReadOnlyCollection<string> Stdout => stdout;

    public IReadOnlyCollection<string> Stderr => stderr;

    /// <summary>Everything it printed, both streams.</summary>
    public string Output => string.Join("\n", stdout.Concat(stderr));

    public static AppProcess Start(IReadOnlyDictionary<string, string?> settings, params string[] arguments) =>
        Launch([Path.Combine(AppContext.BaseDirectory, "CustomerPulseBot.Web.dll"), .. arguments], settings);

    /// <summary><c>dotnet run</c> on the project, with its launch profile, as the README's first command (built already).</summary>
    public static AppProcess DotnetRun(IReadOnlyDictionary<string, string?> settings, params string[] arguments)
    {
        var configuration = typeof(AppProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration; // set by every SDK build
        return Launch(["run", "--no-build", "-c", configuration, "--project", Checkout.PathOf("src", "CustomerPulseBot.Web"), .. arguments], settings);
    }

    /// <summary>Its exit code, once it has ended by itself.</summary>
    public async Task<int> ExitCodeAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(timeout.Token);
        process.WaitForExit(); // the last lines of output are read only after the exit itself
        return process.ExitCode;
    }

    /// <summary>The first line on stdout that <paramref name="match"/> accepts, once printed.</summary>
    public async Task<string> LineAsync(Func<string, bool> match)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (stdout.FirstOrDefault(match) is { } line)
                {
                    return line;
                }

                next = printed.Task;
            }

            try
            {
                await next.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No such line within {Patience.TotalSeconds} s. It printed:\n{Output}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static AppProcess Launch(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Configuration keys (Storage__Provider) and the host's own variables from the test run stay out.
        foreach (var key in start.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var app = new AppProcess(process);
        process.OutputDataReceived += (_, e) => app.Add(app.stdout, e.Data);
        process.ErrorDataReceived += (_, e) => app.Add(app.stderr, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    private void Add(ConcurrentQueue<string> stream, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            stream.Enqueue(line);
            printed.TrySetResult();
            printed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
