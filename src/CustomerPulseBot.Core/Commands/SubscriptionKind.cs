namespace CustomerPulseBot.Core.Commands;

public enum SubscriptionKind
{
    /// <summary>A channel's digest: fresh quotes and friction trends since the last one.</summary>
    Digest,

    /// <summary>A person's leader brief, sent as a direct message: the past week's top pain points and what changed.</summary>
    Brief,
}
