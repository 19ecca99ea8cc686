namespace CustomerPulseBot.Core.Digests;

/// <summary>What claiming one digest occurrence found.</summary>
public enum DeliveryClaim
{
    /// <summary>This caller holds it now, the first to try: it must post, then record the delivery or release it.</summary>
    Claimed,

    /// <summary>
    /// This caller holds it now after an earlier attempt that was never recorded as delivered: that attempt failed,
    /// timed out or died, and may have posted all the same, so a platform that can look looks before posting.
    /// </summary>
    ClaimedAgain,

    /// <summary>Someone posted it already.</summary>
    Delivered,

    /// <summary>Another run holds an unexpired claim: it is posting now, or died and its claim will lapse.</summary>
    HeldElsewhere,
}
