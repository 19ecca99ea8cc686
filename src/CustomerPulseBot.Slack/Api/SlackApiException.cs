namespace CustomerPulseBot.Slack.Api;

/// <summary>Slack answered <c>{"ok":false,"error":...}</c> (or a non-success status): the method and Slack's error code.</summary>
internal sealed class SlackApiException(string method, string error)
    : Exception($"Slack {method} failed: {error}")
{
    public string Method { get; } = method;

    public string Error { get; } = error;

    /// <summary>Slack will never accept this token again (reference section 5): retrying only earns the same answer.</summary>
    public bool TokenIsDead => Error is "invalid_auth" or "account_inactive" or "token_revoked";
}
