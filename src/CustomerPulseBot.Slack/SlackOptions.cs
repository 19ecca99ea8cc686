namespace CustomerPulseBot.Slack;

/// <summary>The <c>Slack</c> configuration section; see appsettings.example.json for one note per key.</summary>
internal sealed class SlackOptions
{
    public const string Section = "Slack";

    public bool Enabled { get; set; } = true;

    public string SigningSecret { get; set; } = "";

    /// <summary>Single-workspace mode: the one bot token (xoxb-).</summary>
    public string? BotToken { get; set; }

    /// <summary>Single-workspace mode (required there): the team the bot token belongs to; requests from any other team are refused.</summary>
    public string? TeamId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Where Slack sends the installer back to; must match a redirect URL in the app's manifest.</summary>
    public string? RedirectUrl { get; set; }

    /// <summary>Socket Mode: the app-level token (xapp-).</summary>
    public string? AppToken { get; set; }

    /// <summary>Background work (modals, posts, answers to mentions) waiting at most; beyond it, work is refused as "busy".</summary>
    public int QueueCapacity { get; set; } = 1000;

    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    public string AuthorizeUrl { get; set; } = "https://slack.com/oauth/v2/authorize";

    public bool MultiWorkspace => !string.IsNullOrEmpty(ClientId);

    /// <summary>Where an admin installs the app: /slack/install beside the OAuth callback, when <see cref="RedirectUrl"/> names one.</summary>
    public string? InstallUrl => RedirectUrl is { } redirect && redirect.EndsWith("/slack/oauth/callback", StringComparison.Ordinal)
        ? redirect[..^"oauth/callback".Length] + "install"
        : null;

    /// <summary>
    /// Whether a response_url in a payload leads to Slack, the only place a deferred reply may go: https://hooks.slack.com
    /// (reference section 2), or the server <see cref="ApiBaseUrl"/> names (Slack's own, or a fake Slack in tests).
    /// The address comes in the request, so without this a signed request could have the bot post anywhere.
    /// </summary>
    public bool IsSlackResponseUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.UserInfo.Length == 0
        && (SameOrigin(uri, SlackHooks) || SameOrigin(uri, new Uri(ApiBaseUrl)));

    private static readonly Uri SlackHooks = new("https://hooks.slack.com/");

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme == b.Scheme && a.Port == b.Port && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase);

    /// <summary>Slack's HTTP request URLs are served only with a signing secret to verify them.</summary>
    public bool ServesHttp => !string.IsNullOrWhiteSpace(SigningSecret);
}
