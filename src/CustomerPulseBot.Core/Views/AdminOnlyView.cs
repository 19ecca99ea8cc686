using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Views;

/// <summary>
/// An admin command refused: what it would have done (<paramref name="Action"/>, "merge themes"), who may do it, and the
/// person's words to send again. <paramref name="Unchecked"/>: the platform did not say in time whether they are an admin.
/// </summary>
public sealed record AdminOnlyView(string Action, AdminRoster Roster, string OriginalText, bool Unchecked = false) : View
{
    public string Title => $"Only workspace admins can {Action}";

    /// <summary>Who may, with each person written by <paramref name="person"/> (the renderer's mention or name).</summary>
    public string Text(Func<ChatUser, string> person) =>
        $"Workspace admins here are {Roster.WhoCan(person)}. Ask one of them."
        + (Unchecked ? " I could not check just now whether you are one (no answer in time), so nothing was changed: try again in a moment." : "");
}
