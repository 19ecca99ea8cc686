using System.Net;
using System.Text.RegularExpressions;

namespace CustomerPulseBot.Teams;

// A Teams message body (usually HTML: <div>, <p>, <br>, <at id="0">Name</at>) as the plain text a quote keeps.
internal static partial class MessageText
{
    public static string FromHtml(string html)
    {
        var lines = LineBreak().Replace(html, "\n");
        var text = WebUtility.HtmlDecode(Tag().Replace(lines, ""));
        return BlankLines().Replace(text.Replace("\u00a0", " "), "\n\n").Trim();
    }

    [GeneratedRegex(@"<\s*br\s*/?\s*>|<\s*/\s*(p|div|li|h[1-6])\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\n\s*\n+")]
    private static partial Regex BlankLines();
}
