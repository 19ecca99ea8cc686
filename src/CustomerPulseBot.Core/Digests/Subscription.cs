using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Digests;

/// <summary>
/// A digest or brief schedule and where it goes. For a digest <paramref name="ChannelId"/> is the Slack channel
/// id or the Teams conversation id; for a brief it is the person's user id, sent a direct message. The
/// platform's <see cref="IChatPoster"/> resolves it (bot token, conversation reference) when it posts.
/// <paramref name="Day"/> is set for weekly schedules only; <paramref name="TimeZone"/> is an IANA id. One
/// digest per channel, one brief per person.
/// </summary>
public sealed record Subscription(
    Guid Id,
    SubscriptionKind Kind,
    WorkspaceId WorkspaceId,
    Platform Platform,
    string ChannelId,
    DigestCadence Cadence,
    DayOfWeek? Day,
    TimeOnly At,
    string TimeZone,
    QueryFilters Filters,
    bool SkipEmpty,
    string CreatedBy,
    DateTimeOffset CreatedAt)
{
    /// <summary>Every subscription job's id starts so; the start-up sync removes unknown ones.</summary>
    public const string JobIdPrefix = "digest:";

    /// <summary>The recurring job's id: one job per subscription.</summary>
    public string JobId => JobIdPrefix + Id.ToString("N");

    /// <summary>Where it is posted: a channel, or a direct message to the person.</summary>
    public ChatDestination Destination => new(ChannelId, Kind == SubscriptionKind.Brief);

    /// <summary>The zone it was scheduled in; UTC should that id ever stop naming a zone on this host.</summary>
    public TimeZoneInfo Zone => Zones.For(TimeZone);
}
