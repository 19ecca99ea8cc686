namespace CustomerPulseBot.Slack.Background;

/// <summary>
/// Someone waiting for queued work's answer: what they typed, and where the answer was to go (a response_url,
/// or a channel and thread), so that an apology or a "busy" notice reaches them there with their text.
/// </summary>
internal sealed record WaitingPerson(string Text, string? ResponseUrl, string? Channel = null, string? ThreadTs = null)
{
    public static WaitingPerson AtResponseUrl(string responseUrl, string text = "") => new(text, responseUrl);

    public static WaitingPerson InThread(string channel, string threadTs, string text) => new(text, null, channel, threadTs);
}
