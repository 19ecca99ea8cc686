namespace CustomerPulseBot.Teams.Auth;

internal enum AuthOutcome
{
    Accepted,

    // 401: no, bad or expired token, or its serviceurl claim does not match (teams-bot-framework.md, section 2).
    Unauthenticated,

    // 403: a valid token from a key not endorsed for the channel, a tenant we do not serve, or a serviceUrl off the allow-list.
    Forbidden,

    // 503 with Retry-After: the Bot Framework's signing keys could not be fetched in time and none were fetched before,
    // so the token could not be checked either way. Not 401: that says the sender's credentials are wrong, and they may
    // well be right; a 5xx is the bot's own failure, which Teams treats as such and may send again (a message comes
    // back with its id, and is handled once).
    Unavailable,
}
