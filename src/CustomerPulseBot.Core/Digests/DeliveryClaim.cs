namespace CustomerPulseBot.Core.Digests;

/// <summary>What claiming one digest occurrence found.</summary>
public enum DeliveryClaim
{
    /// <summary>This caller holds it now and must post, then record the delivery or release it.</summary>
    Claimed,

    /// <summary>Someone posted it already.</summary>
    Delivered,

    /// <summary>Another run holds an unexpired claim: it is posting now, or died and its claim will lapse.</summary>
    HeldElsewhere,
}
