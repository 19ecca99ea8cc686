namespace CustomerPulseBot.Teams;

// The link to the Teams message a capture started from ("linkToMessage", then the capture card's data) comes from a
// request body, so it is kept only when it is what Teams makes: an https link on a Teams web host, on the default port,
// with no user name and nothing to escape. Anything else is dropped; the capture is saved without it.
internal static class MessageLinks
{
    // Commercial (teams.microsoft.com and its regional hosts, and the cloud.microsoft domain Teams moved to in 2024),
    // GCC High and DoD (teams.microsoft.us, gov. and dod.).
    private static readonly string[] Domains = ["teams.microsoft.com", "teams.cloud.microsoft", "teams.microsoft.us"];

    public static string? OnTeams(string? link) =>
        Uri.IsWellFormedUriString(link, UriKind.Absolute)
        && Uri.TryCreate(link, UriKind.Absolute, out var url)
        && url is { Scheme: "https", IsDefaultPort: true, UserInfo.Length: 0 }
        && Domains.Any(domain => url.Host == domain || url.Host.EndsWith("." + domain, StringComparison.Ordinal))
            ? link
            : null;
}
