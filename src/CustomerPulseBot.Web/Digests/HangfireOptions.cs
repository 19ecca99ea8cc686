namespace CustomerPulseBot.Web.Digests;

/// <summary>The "Hangfire" section: the job server that posts digests, briefs and ship notices, and its dashboard.</summary>
public sealed class HangfireOptions
{
    public const string Section = "Hangfire";

    /// <summary>Jobs run at once on this host. They mostly wait on Slack and Teams, so more than the cores.</summary>
    public int WorkerCount { get; set; } = 10;

    /// <summary>This host's name on the dashboard; Hangfire uses the machine name when it is empty.</summary>
    public string? ServerName { get; set; }

    /// <summary>How often due digests and retries are looked for: a digest is posted at most this late.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(10);

    public HangfireDashboardOptions Dashboard { get; set; } = new();
}
