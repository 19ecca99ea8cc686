using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Core.Commands;

// Who may run admin commands, checked here once for every path into ExecuteAsync (typed words, buttons, cards), and the
// admins commands themselves. Reading, capturing and one's own quotes and digests stay open to everyone.
public sealed partial class PulseCommands
{
    /// <summary>The refusal, when the command needs an admin and the person is not one; null when it may run.</summary>
    private async Task<View?> RefusedAsync(ChatContext context, Command command, string originalText, CancellationToken ct)
    {
        if (await AdminActionAsync(context, command, ct) is not { } action)
        {
            return null;
        }

        var admin = await admins.CheckAsync(context, ct);
        if (admin == true)
        {
            return null;
        }

        logger.LogInformation("Refused {Command} in workspace {WorkspaceId}: {UserId} is not an admin", command.GetType().Name, context.WorkspaceId, context.User.Id);
        return new AdminOnlyView(action, await admins.RosterAsync(context.Workspace, ct), originalText, Unchecked: admin is null);
    }

    /// <summary>
    /// What the command would do, in words for the refusal, when only an admin may do it: every <see cref="IAdminCommand"/>,
    /// a change of settings, and deleting a quote, or switching off a channel's digest, that someone else made.
    /// </summary>
    private async Task<string?> AdminActionAsync(ChatContext context, Command command, CancellationToken ct) => command switch
    {
        MergeThemesCommand => "merge themes",
        RenameThemeCommand => "rename themes",
        ShipThemeCommand => "mark themes shipped",
        MergeCustomersCommand => "merge customers",
        ForgetCustomerCommand => "forget customers",
        AddAdminCommand => "add admins",
        RemoveAdminCommand => "remove admins",
        CreateApiKeyCommand => "create API keys",
        ListApiKeysCommand => "list API keys",
        RevokeApiKeyCommand => "revoke API keys",
        IAdminCommand => "do that",
        SettingsCommand { HasChange: true } => "change the workspace's settings",
        DeleteSignalCommand { OwnOnly: false } d when await store.FindSignalsByReferenceAsync(context.WorkspaceId, d.Reference, ct) is [var signal]
            && signal.CapturedBy.Id != context.User.Id => "delete quotes other people captured",
        DigestCommand { Kind: SubscriptionKind.Digest, Request: DigestOffRequest } when digests is not null
            && await digests.SetUpByAsync(context, SubscriptionKind.Digest, ct) is { } owner && owner != context.User.Id => "switch off a digest someone else set up",
        _ => null,
    };

    private async Task<View> ListAdminsAsync(ChatContext context, CancellationToken ct) =>
        new AdminsView(await admins.RosterAsync(context.Workspace, ct), context.TimeZone);

    private async Task<View> AddAdminAsync(ChatContext context, AddAdminCommand add, string originalText, CancellationToken ct)
    {
        if (Person(context, add.Mention, "add a workspace admin", "admins add @Ana", originalText, out var problem) is not { } person)
        {
            return problem!; // Person gives a person or the reply saying why there is none
        }

        var added = await admins.AddAsync(context.WorkspaceId, new WorkspaceAdmin(person, context.User, clock.GetUtcNow()), ct);
        logger.LogInformation("Workspace {WorkspaceId}: {UserId} added {AdminId} as an admin (new: {Added})", context.WorkspaceId, context.User.Id, person.Id, added);
        var change = new AdminChange(person, added ? AdminChangeKind.Added : AdminChangeKind.AlreadyAdded);
        return new AdminsView(await admins.RosterAsync(context.Workspace, ct), context.TimeZone, change);
    }

    private async Task<View> RemoveAdminAsync(ChatContext context, RemoveAdminCommand remove, string originalText, CancellationToken ct)
    {
        if (Person(context, remove.Mention, "remove a workspace admin", "admins remove @Ana", originalText, out var problem) is not { } person)
        {
            return problem!;
        }

        var removed = await admins.RemoveAsync(context.WorkspaceId, person.Id, ct);
        logger.LogInformation("Workspace {WorkspaceId}: {UserId} removed {AdminId} as an admin (was listed: {Removed})", context.WorkspaceId, context.User.Id, person.Id, removed);
        var change = new AdminChange(person, removed ? AdminChangeKind.Removed : AdminChangeKind.NotAdded);
        return new AdminsView(await admins.RosterAsync(context.Workspace, ct), context.TimeZone, change);
    }

    /// <summary>The person a mention names, as the platform reads it; else the reply saying how to name someone.</summary>
    private ChatUser? Person(ChatContext context, string mention, string understood, string example, string originalText, out View? problem)
    {
        var person = admins.Mentioned(context, mention);
        problem = person is null
            ? new NotUnderstoodView(understood, $"I cannot tell who \"{mention}\" is: {admins.HowToMention(context.Workspace)}", example, originalText)
            : null;
        return person;
    }
}
