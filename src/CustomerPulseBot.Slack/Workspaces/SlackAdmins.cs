using System.Text.RegularExpressions;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Slack.Workspaces;

/// <summary>
/// Slack's say on workspace admins: owners and admins by users.info (which needs the users:read scope), and the person
/// whose OAuth install stored the workspace's token. In single-workspace mode (a configured token) no installer is known.
/// </summary>
internal sealed partial class SlackAdmins(SlackWorkspaces workspaces, SlackPeople people) : IPlatformAdmins
{
    public Platform Platform => Platform.Slack;

    public string Admins => "Slack workspace owners and admins";

    public string HowToMention => "pick the person from the list that @ opens, in a message to @pulse (/pulse passes names on as plain text)";

    public async Task<bool?> IsAdminAsync(ChatContext context, CancellationToken ct)
    {
        if (await workspaces.TenantAsync(context.Workspace, ct) is not { } tenant)
        {
            return false;
        }

        return (await people.FindAsync(tenant, context.User.Id, ct))?.IsAdmin;
    }

    public async Task<ChatUser?> InstallerAsync(Workspace workspace, CancellationToken ct) =>
        await workspaces.InstallerAsync(workspace, ct) is { } id ? new ChatUser(id, id) : null;

    /// <summary>Slack writes a mention as &lt;@U123&gt; (or &lt;@U123|name&gt;): the id is Slack's, never a name someone typed.</summary>
    public ChatUser? Mentioned(ChatContext context, string mention) =>
        UserMention().Match(mention) is { Success: true } match
            ? new ChatUser(match.Groups["id"].Value, match.Groups["name"].Success ? match.Groups["name"].Value : match.Groups["id"].Value)
            : null;

    [GeneratedRegex(@"^<@(?<id>[UW][A-Z0-9]+)(\|(?<name>[^>]+))?>$")]
    private static partial Regex UserMention();
}
