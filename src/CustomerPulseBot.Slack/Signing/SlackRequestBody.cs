using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace CustomerPulseBot.Slack.Signing;

/// <summary>The raw body of a verified request, read once by <see cref="SlackSignatureFilter"/> and kept for the endpoint.</summary>
internal sealed record SlackRequestBody(byte[] Bytes)
{
    public string Text => Encoding.UTF8.GetString(Bytes);

    public Dictionary<string, StringValues> Form() => QueryHelpers.ParseQuery(Text);
}
