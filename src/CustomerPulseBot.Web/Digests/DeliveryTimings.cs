using CustomerPulseBot.Core.Digests;

namespace CustomerPulseBot.Web.Digests;

/// <summary>
/// How Hangfire's timings fit <see cref="PostOnce"/>'s claim, so that the digests of a host killed mid-post are posted by
/// another host a minute or so later, and never twice. In one place, because each number is chosen against the others:
/// - A claim keeps other runs off for <see cref="PostOnce.Lease"/> (60 s); a post is given up after
///   <see cref="PostOnce.PostDeadline"/> (40 s), so a live run records or releases its claim before the lease lapses.
/// - Hangfire.PostgreSql hides a fetched job for <see cref="InvisibilityTimeout"/>, sliding: a live host refreshes it every
///   fifth of that (14 s) however long the job runs, so no other host takes a running job. A dead host's job shows again
///   70 s after its last refresh, which came no earlier than the fetch; the claim follows the fetch within seconds, so the
///   dead run's claim has lapsed by then and the host that takes the job over claims it at once.
/// - Idle workers look for such jobs every <see cref="QueuePollInterval"/> (new jobs wake them sooner): a dead host's jobs
///   are taken over within 75 s of its last refresh.
/// - A Hangfire lock a dead host held (the recurring-job scheduler's, a job's state lock) is broken after
///   <see cref="DistributedLockTimeout"/>. Hangfire holds its locks briefly; should one be broken while still in use, the
///   claim still keeps a digest from being posted twice.
/// - A run that finds its occurrence held elsewhere retries after <see cref="RetryAfterHeldSeconds"/>: by then the holder
///   has finished, or its lease, taken before the run found it held, has lapsed.
/// They are constants, not settings: changed one at a time they would stop fitting.
/// </summary>
internal static class DeliveryTimings
{
    public const int RetryAfterHeldSeconds = PostOnce.LeaseSeconds + 15;

    public static readonly TimeSpan InvisibilityTimeout = PostOnce.Lease + TimeSpan.FromSeconds(10);

    public static readonly TimeSpan QueuePollInterval = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan DistributedLockTimeout = TimeSpan.FromSeconds(30);
}
