namespace CustomerPulseBot.Teams.Auth;

internal enum AuthOutcome
{
    Accepted,

    // 401: no, bad or expired token, or its serviceurl claim does not match (teams-bot-framework.md, section 2).
    Unauthenticated,

    // 403: a valid token from a key not endorsed for the channel, a tenant we do not serve, or a serviceUrl off the allow-list.
    Forbidden,
}
