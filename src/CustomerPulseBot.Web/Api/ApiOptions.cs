namespace CustomerPulseBot.Web.Api;

/// <summary>The REST API under /api/v1: how many requests one key may make, and the address links to this host start with.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Requests one key may make in a minute; more are answered 429 with Retry-After until the minute ends.</summary>
    public int PermitsPerMinute { get; set; } = 600;

    /// <summary>
    /// The host's public base address (https://pulse.example.com), which the export links chat hands out start with; without
    /// it chat cannot give one and says an admin must set it.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary><see cref="PublicUrl"/> as an address, or null when it is not set (empty counts as not set).</summary>
    public Uri? PublicBase => string.IsNullOrWhiteSpace(PublicUrl) ? null : new Uri(PublicUrl.TrimEnd('/') + "/");
}
