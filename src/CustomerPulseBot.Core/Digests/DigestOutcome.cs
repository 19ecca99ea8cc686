namespace CustomerPulseBot.Core.Digests;

public enum DigestOutcome
{
    Posted,

    /// <summary>A quiet digest for a subscription that skips them: recorded as delivered, nothing posted.</summary>
    Skipped,

    AlreadyDelivered,

    /// <summary>Another run is posting this occurrence (or died doing so): try again once its claim lapses.</summary>
    HeldElsewhere,

    NoSubscription,

    /// <summary>The platform has no poster in this host (the playground).</summary>
    NoPoster,

    /// <summary>The platform says the app can no longer post there.</summary>
    ChannelGone,

    /// <summary>The platform refused the app's token (revoked or uninstalled): the app must be reinstalled.</summary>
    TokenRevoked,
}
