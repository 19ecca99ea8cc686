using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage.Tests;

// Admin commands run by Core's executor against a real store: Capturer is a Slack workspace admin (see Admins), Other
// and Third are not until added.
public abstract partial class PulseCommandsTests
{
    private static readonly ChatUser Third = new("U3", "Third Person");

    [Fact]
    public async Task DeletesAnotherPersonsCapture_WhenAnAdminDeletesIt()
    {
        var workspace = await NewWorkspaceAsync();
        var signal = await CaptureAsync(workspace, "Exports time out customer:Acme", Other);

        var deleted = await RunAsync(workspace, new DeleteSignalCommand(signal.ShortId));

        Assert.Equal(signal.Id, Assert.IsType<SignalDeletedView>(deleted).Signal.Id);
        Assert.Equal(0, await CountAsync(workspace));
    }

    [Fact]
    public async Task LeavesAnotherPersonsCapture_WhenAnAdminClicksItsUndoButton()
    {
        var workspace = await NewWorkspaceAsync();
        var signal = await CaptureAsync(workspace, "Exports time out customer:Acme", Other);

        var clicked = await RunAsync(workspace, new DeleteSignalCommand(signal.Id.ToString("N"), OwnOnly: true));

        Assert.Equal("Only Other Person can delete this quote", Assert.IsType<NoticeView>(clicked).Title);
        Assert.Equal(1, await CountAsync(workspace));
    }

    [Fact]
    public async Task SwitchesOffOnlyOnesOwnDigest_UnlessAnAdminSwitchesItOff()
    {
        var workspace = await NewWorkspaceAsync();
        await Commands.HandleTextAsync(Context(workspace, Other), "digest daily 09:00", ct);
        var own = Assert.IsType<NoticeView>(await Commands.HandleTextAsync(Context(workspace, Other), "digest off", ct));
        await Commands.HandleTextAsync(Context(workspace, Other), "digest daily 09:00", ct);

        await Commands.HandleTextAsync(Context(workspace, Third), "digest weekly mon 08:00", ct);
        var refused = Assert.IsType<AdminOnlyView>(await Commands.HandleTextAsync(Context(workspace, Third), "digest off", ct));
        var still = await Digests.FindSubscriptionAsync(workspace.Id, SubscriptionKind.Digest, "C1", ct);
        var byAdmin = Assert.IsType<NoticeView>(await Commands.HandleTextAsync(Context(workspace, Capturer), "digest off", ct));

        Assert.Equal("Digest switched off", own.Title);
        Assert.Equal("Only workspace admins can switch off a digest someone else set up", refused.Title);
        Assert.Equal("digest off", refused.OriginalText);
        Assert.Equal(Other.Id, still?.CreatedBy);
        Assert.Equal("Digest switched off", byAdmin.Title);
        Assert.Null(await Digests.FindSubscriptionAsync(workspace.Id, SubscriptionKind.Digest, "C1", ct));
    }

    [Fact]
    public async Task ShowsTheSettingsToAnyone_ButChangesThemForAdminsOnly()
    {
        var workspace = await NewWorkspaceAsync();

        var shown = await Commands.HandleTextAsync(Context(workspace, Other), "settings", ct);
        var refused = Assert.IsType<AdminOnlyView>(await Commands.HandleTextAsync(Context(workspace, Other), "settings timezone Europe/Berlin", ct));
        var changed = Assert.IsType<SettingsView>(await Commands.HandleTextAsync(Context(workspace), "settings week-start sunday", ct));

        Assert.IsType<SettingsView>(shown);
        Assert.Equal("Only workspace admins can change the workspace's settings", refused.Title);
        Assert.Equal((DayOfWeek.Sunday, WorkspaceSetting.WeekStart), (changed.WeekStart, changed.Changed));
        Assert.Equal(("UTC", DayOfWeek.Sunday), ((await Store.GetWorkspaceAsync(workspace.Id, ct))!.TimeZone, (await Store.GetWorkspaceAsync(workspace.Id, ct))!.WeekStart));
    }

    [Fact]
    public async Task RenamesATheme_AndCapturesNamingTheOldNameLandInIt()
    {
        var workspace = await NewWorkspaceAsync();
        await CaptureAsync(workspace, "Dashboards crawl customer:Acme #slow-dash");

        var refused = Assert.IsType<AdminOnlyView>(await Commands.HandleTextAsync(Context(workspace, Other), "theme rename slow-dash to slow-dashboard", ct));
        var renamed = Assert.IsType<NoticeView>(await Commands.HandleTextAsync(Context(workspace), "theme rename slow-dash to slow-dashboard", ct));
        var later = await CaptureAsync(workspace, "Still slow customer:Globex #slow-dash");

        Assert.Equal("Only workspace admins can rename themes", refused.Title);
        Assert.Equal("Renamed #slow-dash to #slow-dashboard", renamed.Title);
        Assert.Equal(["slow-dashboard"], (await Store.GetSignalAsync(workspace.Id, later.Id, ct))!.Themes);
        Assert.Equal(2, await Store.CountSignalsAsync(workspace.Id, new SignalFilter(Theme: "slow-dashboard"), ct));
    }

    [Fact]
    public async Task RefusesToRenameAThemeToAnotherThemesName_NamingTheMergeInstead()
    {
        var workspace = await NewWorkspaceAsync();
        await CaptureAsync(workspace, "Dashboards crawl #slow-dash #dashboards");

        var view = Assert.IsType<NotUnderstoodView>(await Commands.HandleTextAsync(Context(workspace), "theme rename slow-dash dashboards", ct));

        Assert.Equal("#dashboards is another theme already: theme merge slow-dash dashboards folds one into the other", view.Problem);
        Assert.Equal("theme rename slow-dash dashboards", view.OriginalText);
        Assert.Equal(["dashboards", "slow-dash"], (await Store.GetThemesAsync(workspace.Id, ct)).Select(t => t.Name));
    }

    [Fact]
    public async Task LetsAnAddedPersonRunAdminCommands_UntilTheyAreRemoved()
    {
        var workspace = await NewWorkspaceAsync();
        const string merge = "customer merge \"Acme Corp\" Acme";

        var before = await Commands.HandleTextAsync(Context(workspace, Other), merge, ct);
        var added = Assert.IsType<AdminsView>(await Commands.HandleTextAsync(Context(workspace), $"admins add <@{Other.Id}>", ct));
        var asAdded = await Commands.HandleTextAsync(Context(workspace, Other), merge, ct);
        var listed = Assert.IsType<AdminsView>(await Commands.HandleTextAsync(Context(workspace, Third), "admins", ct));
        var removed = Assert.IsType<AdminsView>(await Commands.HandleTextAsync(Context(workspace), $"admins remove <@{Other.Id}>", ct));
        var after = await Commands.HandleTextAsync(Context(workspace, Other), merge, ct);

        Assert.IsType<AdminOnlyView>(before);
        Assert.Equal(new AdminChange(Other, AdminChangeKind.Added), added.Change);
        Assert.Equal([new WorkspaceAdmin(Other, Capturer, PulseStoreContractTests.Now)], added.Roster.Added);
        Assert.Equal("Merged customer \"Acme Corp\" into \"Acme\"", Assert.IsType<NoticeView>(asAdded).Title);
        Assert.Equal(
            ["Slack workspace owners and admins, by their role", "Other Person, added by Capturer on 11 Mar 2026"],
            listed.Lines(p => p.Name));
        Assert.Equal(new AdminChange(Other, AdminChangeKind.Removed), removed.Change);
        Assert.Empty(removed.Roster.Added);
        Assert.IsType<AdminOnlyView>(after);
    }

    [Fact]
    public async Task NamesWhoMayAddAdmins_WhenSomeoneWhoIsNotOneTries()
    {
        var workspace = await NewWorkspaceAsync();
        await Commands.HandleTextAsync(Context(workspace), $"admins add <@{Other.Id}>", ct);

        var refused = Assert.IsType<AdminOnlyView>(await Commands.HandleTextAsync(Context(workspace, Third), $"admins add <@{Third.Id}>", ct));

        Assert.Equal("Only workspace admins can add admins", refused.Title);
        Assert.Equal(
            "Workspace admins here are Slack workspace owners and admins, and the people added with admins add: Other Person. Ask one of them.",
            refused.Text(p => p.Name));
        Assert.False(await ((IAdminStore)Store).IsListedAdminAsync(workspace.Id, Third.Id, ct));
    }

    [Fact]
    public async Task SaysHowToNameSomeone_WhenAdminsAddNamesNobodyThePlatformKnows()
    {
        var workspace = await NewWorkspaceAsync();

        var view = Assert.IsType<NotUnderstoodView>(await Commands.HandleTextAsync(Context(workspace), "admins add @ana", ct));

        Assert.StartsWith("I cannot tell who \"@ana\" is", view.Problem);
        Assert.Equal("admins add @ana", view.OriginalText);
        Assert.Empty(await ((IAdminStore)Store).GetAdminsAsync(workspace.Id, ct));
    }
}
