namespace CustomerPulseBot.Core.Signals;

/// <summary>
/// Where a link people gave us goes, so that no label can hide it: the renderers show the host beside the link
/// ("evidence · support.example.com"), and a captured Slack link keeps its label with the host after it.
/// </summary>
public static class WebLink
{
    /// <summary>
    /// The host of an http(s) address, or null when <paramref name="url"/> is not one. International names are
    /// shown in their ASCII form (xn--…), so a look-alike letter cannot pass for another site's name.
    /// </summary>
    public static string? Host(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.IdnHost.Length > 0
            ? uri.IdnHost.ToLowerInvariant()
            : null;

    /// <summary>
    /// A link's label as text that says where it led: "the export guide (docs.example.com)". A label that already
    /// names the host ("docs.example.com", "https://docs.example.com/guide") stays as it is; an empty one is dropped.
    /// </summary>
    public static string Labelled(string label, string url)
    {
        var text = label.Trim();
        var host = Host(url);
        if (text.Length == 0 || host is null)
        {
            return text;
        }

        var named = Host(text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text);
        return named == host ? text : $"{text} ({host})";
    }
}
