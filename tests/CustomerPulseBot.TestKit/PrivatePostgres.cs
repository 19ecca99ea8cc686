using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CustomerPulseBot.TestKit;

/// <summary>
/// A PostgreSQL server of one test's own, for faults the shared test server must never see: stopped, started again,
/// restarted, or frozen (every process of the server stopped with SIGSTOP, as a hung host or a paused VM looks to a
/// client: connections are accepted by the kernel and nothing answers). Started by <c>.ci/postgres.sh</c> on a free
/// port between 56000 and 56999 (needs root, as CI runs); disposing thaws it, stops it and deletes its files.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private const int FirstPort = 56000;
    private const int Ports = 1000;

    private readonly string directory;

    private PrivatePostgres(string directory, int port, string connectionString)
    {
        this.directory = directory;
        Port = port;
        ConnectionString = connectionString;
    }

    public int Port { get; }

    /// <summary>The server's own database <c>pulse</c>, owned by user <c>pulse</c>, empty (the app migrates it).</summary>
    public string ConnectionString { get; }

    /// <summary>The server's superuser over its Unix socket, for what only a superuser may do (ALTER SYSTEM).</summary>
    public string SuperuserConnectionString => $"Host={Path.Combine(directory, "sock")};Port={Port};Username=postgres;Database=postgres";

    /// <summary>Starts a new server; a port taken meanwhile by someone else is given up for another.</summary>
    public static async Task<PrivatePostgres> LaunchAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var directory = Path.Combine(Path.GetTempPath(), $"pulse-private-pg-{Guid.NewGuid():N}");
            try
            {
                var output = await ScriptAsync("start", directory, port.ToString());
                return new PrivatePostgres(directory, port, output.Trim().Split('\n')[^1]);
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                await ScriptAsync("stop", directory);
            }
        }
    }

    /// <summary>Stops the server (a fast shutdown: sessions end with 57P01), keeping its data.</summary>
    public Task StopAsync() => ScriptAsync("halt", directory);

    /// <summary>Starts the stopped server again, on the same port with the same data.</summary>
    public Task StartAsync() => ScriptAsync("resume", directory, Port.ToString());

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    /// <summary>SIGSTOP to the postmaster and every process it started: nothing answers, nothing is refused.</summary>
    public Task FreezeAsync() => SignalAsync("STOP");

    /// <summary>SIGCONT to the same processes: the server goes on where it stopped.</summary>
    public Task ThawAsync() => SignalAsync("CONT");

    /// <summary>Thaws (a frozen server cannot shut down) and stops the server, deleting its files, whatever the thawing says.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(PidFile))
            {
                await ThawAsync();
            }
        }
        finally
        {
            await ScriptAsync("stop", directory);
        }
    }

    private string PidFile => Path.Combine(directory, "data", "postmaster.pid");

    private async Task SignalAsync(string signal)
    {
        // postmaster.pid starts with the postmaster's pid; its children are the backends and background workers.
        var postmaster = int.Parse(File.ReadLines(PidFile).First());
        var processes = Directory.EnumerateDirectories("/proc")
            .Select(dir => Path.GetFileName(dir))
            .Where(pid => pid.All(char.IsAsciiDigit) && ParentOf(pid) == postmaster)
            .Prepend(postmaster.ToString());
        var (exit, _, errors) = await RunAsync("kill", [$"-{signal}", .. processes]);
        // A backend that ended between the listing and the signal is no failure: the others got theirs.
        if (exit != 0 && !errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).All(line => line.EndsWith("No such process")))
        {
            throw new InvalidOperationException($"kill -{signal} failed: {errors}");
        }
    }

    /// <summary>The parent pid in /proc/PID/stat ("pid (name) state ppid ..."; the name may hold spaces), or 0 once gone.</summary>
    private static int ParentOf(string pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static int FreePort()
    {
        while (true)
        {
            var port = FirstPort + Random.Shared.Next(Ports);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }
    }

    private static async Task<string> ScriptAsync(params string[] arguments)
    {
        var (exit, output, errors) = await RunAsync("bash", [Checkout.PathOf(".ci", "postgres.sh"), .. arguments]);
        return exit == 0 ? output : throw new InvalidOperationException($".ci/postgres.sh {string.Join(' ', arguments)} exited with {exit}: {errors}");
    }

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }
}
