namespace CustomerPulseBot.Core.Digests;

/// <summary>
/// An undelivered post as its delivery row stands: its occurrence, the attempts claimed so far (none while it
/// is only queued), and why the last attempt failed, if one did.
/// </summary>
public sealed record PendingDelivery(DateTimeOffset Until, int Attempts, string? LastError);
