namespace CustomerPulseBot.Bench.Shared;

/// <summary>What a printed figure needs beside it: how busy the shared machine was.</summary>
internal static class Machine
{
    /// <summary>The 1, 5 and 15 minute load averages, or "unknown" off Linux.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
