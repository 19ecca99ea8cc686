namespace CustomerPulseBot.Slack.Signing;

internal enum SignatureCheck
{
    Valid,
    Missing,
    Malformed,
    Stale,
    Forged,
}
