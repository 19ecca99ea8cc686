using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Teams.Activities;
using CustomerPulseBot.Teams.Connector;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Teams;

// Teams' say on workspace admins: in a team's channels, the team's owners where the roster marks them so (the Bot
// Framework documents the roles user, guest and anonymous only, so an owner the roster does not mark is an admin only as
// the installer or once added); in a personal or group chat nobody by role. The installer is the first person whose
// installationUpdate reached us, recorded by Installations. Roles are remembered per team and person for a few minutes.
internal sealed partial class TeamsAdmins(
    BotConnectorClient connector, IAdminStore store, TimeProvider clock, ILogger<TeamsAdmins> logger) : IPlatformAdmins
{
    public static readonly TimeSpan Remember = TimeSpan.FromMinutes(5);

    // The most a reply waits for the roster: well inside the reply's own 1.5 s of work.
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    private const string Owner = "owner";

    private readonly ConcurrentDictionary<(string Team, string User), (bool Owner, DateTimeOffset At)> known = new();

    public Platform Platform => Platform.Teams;

    public string Admins => "Teams team owners (in the team's channels)";

    public string HowToMention => "@mention them in the message and pick them from the list Teams offers";

    public async Task<bool?> IsAdminAsync(ChatContext context, CancellationToken ct)
    {
        if (context.Team is not { } team)
        {
            return false;
        }

        var key = (team.Id, context.User.Id);
        if (known.TryGetValue(key, out var remembered) && clock.GetUtcNow() - remembered.At < Remember)
        {
            return remembered.Owner;
        }

        var (answered, member) = await WithinBudgetAsync(token => connector.GetMemberAsync(team.ServiceUrl, team.Id, context.User.Id, token), "role", ct);
        if (!answered)
        {
            return null;
        }

        var owner = string.Equals(member?.UserRole, Owner, StringComparison.OrdinalIgnoreCase);
        known[key] = (owner, clock.GetUtcNow());
        return owner;
    }

    public Task<ChatUser?> InstallerAsync(Workspace workspace, CancellationToken ct) => store.FindInstallerAsync(workspace.Id, ct);

    /// <summary>
    /// Teams writes a mention as &lt;at&gt;Name&lt;/at&gt; in the text and names the person in an entity: the person is
    /// the mentioned one of that name (the entity, never the markup, says who).
    /// </summary>
    public ChatUser? Mentioned(ChatContext context, string mention)
    {
        if (AtMention().Match(mention) is not { Success: true } match)
        {
            return null;
        }

        var name = WebUtility.HtmlDecode(match.Groups["name"].Value).Trim();
        var named = context.Mentioned.Where(p => p.Name == name).DistinctBy(p => p.Id).ToList();
        return named is [var person] ? person : null;
    }

    /// <summary>
    /// The people a message mentions besides the bot, by the Entra object id everyone acts under here: from the entity
    /// when it carries it, else from the conversation's roster (one call per person, for admins add and remove only).
    /// </summary>
    public async Task<IReadOnlyList<ChatUser>> MentionedAsync(Activity activity, CancellationToken ct)
    {
        var people = new List<ChatUser>();
        var roster = activity.ChannelData?.Team?.Id ?? activity.Conversation?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity is null || !string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)
                || entity.Mentioned is not { Id: { Length: > 0 } id } mentioned || id == activity.Recipient?.Id)
            {
                continue;
            }

            var objectId = mentioned.AadObjectId;
            if (objectId is null && roster is not null)
            {
                // Validated activities have a serviceUrl.
                objectId = (await WithinBudgetAsync(token => connector.GetMemberAsync(activity.ServiceUrl!, roster, id, token), "object id", ct)).Member?.ObjectId;
            }

            if (objectId is not null)
            {
                people.Add(new ChatUser(objectId, mentioned.Name is { Length: > 0 } name ? name : objectId));
            }
        }

        return people;
    }

    /// <summary>The roster's answer within <see cref="Budget"/> (no member when the roster has none), or not answered.</summary>
    private async Task<(bool Answered, TeamsMember? Member)> WithinBudgetAsync(
        Func<CancellationToken, Task<TeamsMember?>> ask, string what, CancellationToken ct)
    {
        try
        {
            using var timer = new CancellationTokenSource(Budget, clock);
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
            // WaitAsync too: the outbound policy's own timeout is far longer than a reply can wait.
            return (true, await ask(budget.Token).WaitAsync(budget.Token));
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("The Teams roster did not tell the {What} in time ({Error}); going on without it", what, e.GetType().Name);
            return (false, null);
        }
    }

    [GeneratedRegex(@"^<at>(?<name>.+)</at>$", RegexOptions.IgnoreCase)]
    private static partial Regex AtMention();
}
