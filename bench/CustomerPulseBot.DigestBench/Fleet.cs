namespace CustomerPulseBot.DigestBench;

internal enum ChatPlatform
{
    Slack,
    Teams,
}

/// <summary>
/// One workspace of a run (a Slack team or a Teams tenant), its channels, each with one digest subscription, the
/// zone those digests are set in and the signals captured for them.
/// </summary>
internal sealed record BenchWorkspace(ChatPlatform Platform, string ExternalId, IReadOnlyList<string> Channels, string TimeZone, string Run, int Signals)
{
    /// <summary>Every quote captured in this workspace starts so, and every digest posted for it must carry one.</summary>
    public string QuoteMark => $"Bench signal {Run} {ExternalId} ";

    public IEnumerable<string> Captures =>
        Enumerable.Range(1, Signals).Select(k => $"{QuoteMark}{k} exports time out on big accounts customer:Acme{k} kind:pain #export-timeouts");
}

/// <summary>
/// The workspaces of a run: half of them Slack teams, half Teams tenants (or all Slack teams), their digests set in five
/// zones.
/// </summary>
internal static class Fleet
{
    // The same instant in each: a whole UTC minute, a whole minute in UTC+5:30, and zones on both sides of the date line.
    private static readonly string[] Zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney"];

    public static IReadOnlyList<BenchWorkspace> Create(string run, int workspaces, int channels, int signals, bool slackOnly = false) =>
    [
        .. Enumerable.Range(0, workspaces).Select(i =>
        {
            var platform = i % 2 == 0 || slackOnly ? ChatPlatform.Slack : ChatPlatform.Teams;
            var id = platform == ChatPlatform.Slack ? $"TDB{run.ToUpperInvariant()}{i:000}" : $"tenant-{run}-{i:000}";
            var names = Enumerable.Range(0, channels)
                .Select(k => platform == ChatPlatform.Slack ? $"CDB{run.ToUpperInvariant()}{i:000}{k:000}" : $"19:db{run}t{i:000}c{k:000}@thread.tacv2")
                .ToList();
            return new BenchWorkspace(platform, id, names, Zones[i / 2 % Zones.Length], run, signals);
        }),
    ];
}
