using System.Text.Json;
using CustomerPulseBot.Slack.Payloads;

namespace CustomerPulseBot.Slack.Capture;

/// <summary>
/// Where a capture modal was opened from, carried through Slack in the view's private_metadata (at most
/// 3,000 characters) so the submission knows the channel to confirm in, the message it quotes and, for Edit,
/// the signal it saves in place.
/// </summary>
internal sealed record CaptureOrigin(string ChannelId, string? Permalink = null, string? Author = null, Guid? Editing = null)
{
    public string ToMetadata() => JsonSerializer.Serialize(this, SlackJson.Options);

    public static CaptureOrigin? FromMetadata(string? metadata)
    {
        try
        {
            return string.IsNullOrEmpty(metadata) ? null : JsonSerializer.Deserialize<CaptureOrigin>(metadata, SlackJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
