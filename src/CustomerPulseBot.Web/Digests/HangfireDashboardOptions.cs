namespace CustomerPulseBot.Web.Digests;

/// <summary>
/// "Hangfire:Dashboard": the job dashboard at /hangfire. It can trigger and delete jobs, so it is off unless
/// enabled, and then every request must carry <see cref="AdminToken"/>.
/// </summary>
public sealed class HangfireDashboardOptions
{
    /// <summary>Long enough that guessing is hopeless (a 32-byte random value written as hex has 64 characters).</summary>
    public const int MinTokenLength = 32;

    public bool Enabled { get; set; }

    public string? AdminToken { get; set; }
}
