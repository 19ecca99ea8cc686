namespace CustomerPulseBot.Core.Workspaces;

/// <summary>
/// Who asked, where, and in which time zone: everything a command needs besides its words.
/// <paramref name="TimeZone"/> is the person's zone when the platform tells it, else the workspace's, else UTC:
/// adapters build it with <see cref="For"/>, so that order is kept in one place.
/// </summary>
public sealed record ChatContext(
    Workspace Workspace,
    ChatUser User,
    string ChannelId,
    TimeZoneInfo TimeZone,
    string? MessagePermalink = null)
{
    public WorkspaceId WorkspaceId => Workspace.Id;

    /// <summary>
    /// The people the message @mentions besides the bot, as the platform identified them (Teams' mention entities, by
    /// the ids people act under); Slack writes its mentions into the text itself.
    /// </summary>
    public IReadOnlyList<ChatUser> Mentioned { get; init; } = [];

    /// <summary>
    /// The answer is seen by the person who asked alone: a Slack slash command's ephemeral reply or a direct message, a
    /// Teams personal chat, the playground. A secret (an API key, an export link) is only ever shown in such an answer.
    /// </summary>
    public bool Private { get; init; }

    /// <summary>The Teams team a channel message came from, whose roster says who owns it; null anywhere else.</summary>
    public ChatTeam? Team { get; init; }

    /// <summary>A context in the person's zone (<paramref name="personZone"/>, an IANA id the platform sent) or, without one, the workspace's.</summary>
    public static ChatContext For(Workspace workspace, ChatUser user, string channelId, string? personZone = null, string? permalink = null) =>
        new(workspace, user, channelId, Zones.For(personZone, workspace.TimeZone), permalink);

    /// <summary>The same context once the person's own zone is known (Slack tells it only when asked).</summary>
    public ChatContext InPersonZone(string? personZone) => this with { TimeZone = Zones.For(personZone, Workspace.TimeZone) };
}
