namespace CustomerPulseBot.Core.Workspaces;

/// <summary>
/// What one platform says about its own people, for <see cref="WorkspaceAdmins"/>: whether the platform makes a person
/// an admin (Slack's owners and admins, a Teams team's owners), who installed the app, and whom a mention names.
/// </summary>
public interface IPlatformAdmins
{
    Platform Platform { get; }

    /// <summary>Who the platform itself makes admins, in words for replies: "Slack workspace owners and admins".</summary>
    string Admins { get; }

    /// <summary>How a person is named in a message here, for the reply when a mention could not be read.</summary>
    string HowToMention { get; }

    /// <summary>True or false as the platform says; null when it did not answer in time (the person is then not counted as one).</summary>
    Task<bool?> IsAdminAsync(ChatContext context, CancellationToken ct);

    /// <summary>The person who installed the app in the workspace, when the platform told us.</summary>
    Task<ChatUser?> InstallerAsync(Workspace workspace, CancellationToken ct);

    /// <summary>The person <paramref name="mention"/> (as typed after <c>admins add</c>) names, or null when it names nobody this platform vouches for.</summary>
    ChatUser? Mentioned(ChatContext context, string mention);
}
