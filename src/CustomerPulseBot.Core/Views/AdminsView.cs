using System.Globalization;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Views;

/// <summary>
/// Who may run admin commands here, one line each (days in <paramref name="Zone"/>), after what <paramref name="Change"/>
/// says <c>admins add</c> or <c>admins remove</c> just did. Renderers write people with their own function (a Slack
/// mention, a Teams name); the words are these.
/// </summary>
public sealed record AdminsView(AdminRoster Roster, TimeZoneInfo Zone, AdminChange? Change = null) : View
{
    public const string Explained =
        "Admins merge, rename and ship themes, merge customers, change settings, delete others' quotes and switch off others' digests. " +
        "Everyone else captures, asks and runs their own digests.";

    public string Title(Func<ChatUser, string> person) => Change switch
    {
        { Kind: AdminChangeKind.Added } c => $"{person(c.Person)} is now a workspace admin",
        { Kind: AdminChangeKind.AlreadyAdded } c => $"{person(c.Person)} was on the list already",
        { Kind: AdminChangeKind.Removed } c => $"{person(c.Person)} is off the list",
        { Kind: AdminChangeKind.NotAdded } c => $"{person(c.Person)} was not on the list",
        _ => "Workspace admins",
    };

    /// <summary>The title in plain words, for a notification or a header that shows no mentions.</summary>
    public string PlainTitle => Title(p => p.Name);

    public IReadOnlyList<string> Lines(Func<ChatUser, string> person)
    {
        var lines = new List<string> { $"{Roster.PlatformAdmins}, by their role" };
        if (Roster.Installer is { } installer)
        {
            lines.Add($"{person(installer)}, who installed the app");
        }

        lines.AddRange(Roster.Added.Select(a =>
            $"{person(a.Person)}, added by {person(a.AddedBy)} on {Zones.DayOf(a.AddedAt, Zone).ToString("d MMM yyyy", CultureInfo.InvariantCulture)}"));
        if (Change?.Kind is AdminChangeKind.Removed or AdminChangeKind.NotAdded)
        {
            lines.Add("admins remove takes off only people added with admins add: a role on the platform, or installing the app, still counts.");
        }

        return lines;
    }
}
