namespace CustomerPulseBot.Web.Api;

/// <summary>The REST API under /api/v1: how many requests one key may make.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Requests one key may make in a minute; more are answered 429 with Retry-After until the minute ends.</summary>
    public int PermitsPerMinute { get; set; } = 600;
}
