using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace CustomerPulseBot.Bench.Shared;

/// <summary>
/// CustomerPulseBot.Web, the build of the same configuration as the bench, as its own process on Kestrel at
/// 127.0.0.1, configured through environment variables as a deployment would be (Production unless the settings
/// name another <c>ASPNETCORE_ENVIRONMENT</c>). It is killed, not stopped, at the end, so what is counted
/// afterwards is what survived a crash of the host.
/// </summary>
internal sealed class HostProcess(string name, Process process, Uri root) : IAsyncDisposable
{
    public string Name => name;

    public Uri Root => root;

    public Uri Commands => new(root, "slack/commands");

    /// <summary>The CPU time the host has used so far, all threads: what a request costs it, whatever else runs.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public static string WebHostPath => typeof(HostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "WebHostPath").Value!; // written by each bench's csproj

    public static async Task<HostProcess> StartAsync(string name, IEnumerable<KeyValuePair<string, string>> settings)
    {
        var port = FreePort();
        var start = StartInfo([], [new("ASPNETCORE_URLS", $"http://127.0.0.1:{port}"), .. settings]);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {WebHostPath}");
        process.OutputDataReceived += (_, e) => Echo(name, e.Data);
        process.ErrorDataReceived += (_, e) => Echo(name, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(name, process, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await host.WaitUntilHealthyAsync();
        }
        catch
        {
            await host.DisposeAsync(); // a host that never came up must not be left running
            throw;
        }

        return host;
    }

    /// <summary>
    /// Runs one of the host's commands (<c>api-key create ...</c>) with <paramref name="settings"/>, as an operator would
    /// on the server, and returns its exit code and standard output; standard error is echoed. A command still running
    /// after a minute is killed (a host without the command would start serving instead).
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(
        IEnumerable<string> arguments, IEnumerable<KeyValuePair<string, string>> settings)
    {
        using var process = Process.Start(StartInfo(arguments, settings)) ?? throw new InvalidOperationException($"Could not start {WebHostPath}");
        process.ErrorDataReceived += (_, e) => Echo("command", e.Data);
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, output);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The host's command '{string.Join(' ', arguments)}' did not end within a minute.");
        }
    }

    /// <summary>SIGKILL, as <c>kill -9</c>: the host gets no chance to finish, record or release anything.</summary>
    public void Kill() => process.Kill();

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The {name} host exited with code {process.ExitCode} while starting (see its output above).");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(root, "health"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer within the client's timeout.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        throw new TimeoutException($"The {name} host did not answer /health within 90 s.");
    }

    private static ProcessStartInfo StartInfo(IEnumerable<string> arguments, IEnumerable<KeyValuePair<string, string>> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(WebHostPath),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(WebHostPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__")] = value;
        }

        return start;
    }

    private static void Echo(string name, string? line)
    {
        if (line is not null)
        {
            Console.WriteLine($"    [{name}] {line}");
        }
    }

    /// <summary>A port the OS just handed out and took back; the host binds it a moment later.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
