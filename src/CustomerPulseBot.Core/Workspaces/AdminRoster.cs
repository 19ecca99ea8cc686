namespace CustomerPulseBot.Core.Workspaces;

/// <summary>
/// Who may run admin commands in a workspace: whom the platform makes admins (<paramref name="PlatformAdmins"/>, in
/// words), the person who installed the app when known, and the people admins added.
/// </summary>
public sealed record AdminRoster(string PlatformAdmins, ChatUser? Installer, IReadOnlyList<WorkspaceAdmin> Added)
{
    /// <summary>The people added that a reply names before it says "and N more".</summary>
    public const int NamedInReply = 5;

    /// <summary>
    /// "Slack workspace owners and admins, Ana (who installed the app), and the people added with admins add: Ben, Cy",
    /// each person written by <paramref name="person"/>, which the renderer supplies (a Slack mention, a Teams name).
    /// </summary>
    public string WhoCan(Func<ChatUser, string> person)
    {
        var parts = new List<string> { PlatformAdmins };
        if (Installer is { } installer)
        {
            parts.Add($"{person(installer)} (who installed the app)");
        }

        var named = Added.Take(NamedInReply).Select(a => person(a.Person)).ToList();
        var more = Added.Count - named.Count;
        parts.Add(named.Count == 0
            ? "and anyone an admin adds with admins add"
            : $"and the people added with admins add: {string.Join(", ", named)}{(more > 0 ? $" and {more} more" : "")}");
        return string.Join(", ", parts);
    }
}
