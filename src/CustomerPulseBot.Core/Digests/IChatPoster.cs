using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Digests;

/// <summary>Posts a view into a channel, or to a person directly, on one platform; each adapter has one.</summary>
public interface IChatPoster
{
    Platform Platform { get; }

    /// <summary>
    /// Posts <paramref name="view"/> as the delivery <paramref name="tag"/> names. When the tag says an earlier
    /// attempt may have posted it, a platform that can look (Slack: the message's metadata) looks first and
    /// answers <see cref="PostResult.FoundPosted"/> instead of posting again. Throws when the platform failed in a
    /// way a later try may get past, or when the outcome is unknown (a timeout after sending); rate limits are
    /// waited out, not thrown.
    /// </summary>
    Task<PostResult> PostAsync(WorkspaceId workspace, ChatDestination destination, View view, DeliveryTag tag, CancellationToken ct);
}

/// <summary>
/// What a poster knows of the delivery it makes: its key and occurrence, which a platform that can carry them
/// stores with the message, and whether an earlier attempt may already have posted it (its outcome was unknown).
/// </summary>
public sealed record DeliveryTag(string Key, DateTimeOffset Until, bool MayHavePosted);

public enum PostResult
{
    Posted,

    /// <summary>An earlier attempt had posted it after all: found on the platform, not posted again.</summary>
    FoundPosted,

    /// <summary>The destination cannot take posts any more (the app was removed from the channel, the person left).</summary>
    Gone,

    /// <summary>The app's token stopped working (revoked, uninstalled): nothing posts until the app is reinstalled.</summary>
    TokenRevoked,
}
