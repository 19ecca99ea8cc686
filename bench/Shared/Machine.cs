using System.Globalization;

namespace CustomerPulseBot.Bench.Shared;

/// <summary>What a printed figure needs beside it: how busy the shared machine was, how much memory the bench holds.</summary>
internal static class Machine
{
    /// <summary>The 1, 5 and 15 minute load averages, or "unknown" off Linux.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>This process's resident memory (VmRSS) in MiB, or 0 off Linux.</summary>
    public static long ResidentMiB()
    {
        var line = File.Exists("/proc/self/status")
            ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            : null;
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
