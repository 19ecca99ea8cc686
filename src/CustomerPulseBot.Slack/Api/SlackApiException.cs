namespace CustomerPulseBot.Slack.Api;

/// <summary>Slack answered <c>{"ok":false,"error":...}</c> (or a non-success status): the method and Slack's error code.</summary>
internal sealed class SlackApiException(string method, string error)
    : Exception($"Slack {method} failed: {error}")
{
    public string Method { get; } = method;

    public string Error { get; } = error;
}
