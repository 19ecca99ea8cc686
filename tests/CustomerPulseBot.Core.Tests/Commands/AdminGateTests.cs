using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CustomerPulseBot.Core.Tests.Commands;

/// <summary>
/// The one gate in front of admin commands: who passes it, who is refused, and what the refusal says. The store is
/// strict, so a refused command is seen to touch nothing.
/// </summary>
public sealed class AdminGateTests
{
    private static readonly ChatUser Installer = new("U0INSTALL", "U0INSTALL");
    private static readonly ChatUser Ana = new("U0ANA", "Ana");
    private static readonly ChatUser Ben = new("U0BEN", "Ben");
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Workspace Workspace = new(WorkspaceId.New(), Platform.Slack, "TALPHA", "alpha", DayOfWeek.Monday, "UTC", Now);

    private readonly Mock<IPulseStore> store = new(MockBehavior.Strict);
    private readonly Mock<IAdminStore> listed = new();
    private readonly Mock<IPlatformAdmins> slack = new();
    private readonly CancellationToken ct = CancellationToken.None;
    private bool? platformSays = false;

    public AdminGateTests()
    {
        listed.Setup(s => s.GetAdminsAsync(Workspace.Id, It.IsAny<CancellationToken>())).ReturnsAsync([new WorkspaceAdmin(Ben, Installer, Now)]);
        slack.Setup(p => p.Platform).Returns(Platform.Slack);
        slack.Setup(p => p.Admins).Returns("Slack workspace owners and admins");
        slack.Setup(p => p.InstallerAsync(Workspace, It.IsAny<CancellationToken>())).ReturnsAsync(Installer);
        slack.Setup(p => p.IsAdminAsync(It.IsAny<ChatContext>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => platformSays);
    }

    private PulseCommands Commands => new(
        store.Object, new Insights(store.Object), new FakeTimeProvider(Now), NullLogger<PulseCommands>.Instance,
        new WorkspaceAdmins(listed.Object, [slack.Object], NullLogger<WorkspaceAdmins>.Instance));

    [Fact]
    public async Task RefusesNamingWhoCan_WhenSomeoneWhoIsNotAnAdminMergesThemes()
    {
        var view = await AskAsync(Ana, "theme merge slow-dash slow-dashboard");

        var refused = Assert.IsType<AdminOnlyView>(view);
        Assert.Equal("Only workspace admins can merge themes", refused.Title);
        Assert.Equal(
            "Workspace admins here are Slack workspace owners and admins, <U0INSTALL> (who installed the app), and the people added with admins add: <Ben>. Ask one of them.",
            refused.Text(p => $"<{p.Name}>"));
        Assert.Equal("theme merge slow-dash slow-dashboard", refused.OriginalText);
        Assert.False(refused.Unchecked);
    }

    [Theory]
    [InlineData("theme merge slow-dash slow-dashboard", "merge themes")]
    [InlineData("theme rename slow-dash slow-dashboard", "rename themes")]
    [InlineData("theme ship export-timeouts streaming exports", "mark themes shipped")]
    [InlineData("customer merge Acme Corp into Acme", "merge customers")]
    [InlineData("settings timezone Europe/Berlin", "change the workspace's settings")]
    [InlineData("settings auto-tag off", "change the workspace's settings")]
    [InlineData("admins add <@U0BEN>", "add admins")]
    [InlineData("admins remove <@U0BEN>", "remove admins")]
    public async Task RunsNothing_WhenSomeoneWhoIsNotAnAdminSendsAnAdminCommand(string text, string action)
    {
        var view = await AskAsync(Ana, text);

        Assert.Equal($"Only workspace admins can {action}", Assert.IsType<AdminOnlyView>(view).Title);
        listed.Verify(s => s.AddAdminAsync(It.IsAny<WorkspaceId>(), It.IsAny<WorkspaceAdmin>(), It.IsAny<CancellationToken>()), Times.Never);
        listed.Verify(s => s.RemoveAdminAsync(It.IsAny<WorkspaceId>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RunsTheCommand_WhenThePlatformSaysThePersonIsAnAdmin()
    {
        platformSays = true;
        store.Setup(s => s.FindThemeAsync(Workspace.Id, It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((Themes.Theme?)null);

        var view = await AskAsync(Ana, "theme merge slow-dash slow-dashboard");

        Assert.StartsWith("there is no theme #slow-dash here", Assert.IsType<NotUnderstoodView>(view).Problem);
    }

    [Fact]
    public async Task RunsTheCommand_WithoutAskingThePlatform_WhenThePersonInstalledTheApp()
    {
        store.Setup(s => s.FindThemeAsync(Workspace.Id, It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((Themes.Theme?)null);

        var view = await AskAsync(Installer, "theme merge slow-dash slow-dashboard");

        Assert.IsType<NotUnderstoodView>(view);
        slack.Verify(p => p.IsAdminAsync(It.IsAny<ChatContext>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RunsTheCommand_WithoutAskingThePlatform_WhenAnAdminAddedThePerson()
    {
        listed.Setup(s => s.IsListedAdminAsync(Workspace.Id, Ben.Id, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        store.Setup(s => s.MergeCustomersAsync(Workspace.Id, "Acme Corp", "Acme", It.IsAny<CancellationToken>())).ReturnsAsync(3);

        var view = await AskAsync(Ben, "customer merge Acme Corp into Acme");

        Assert.Equal("Merged customer \"Acme Corp\" into \"Acme\"", Assert.IsType<NoticeView>(view).Title);
        slack.Verify(p => p.IsAdminAsync(It.IsAny<ChatContext>(), It.IsAny<CancellationToken>()), Times.Never);
        slack.Verify(p => p.InstallerAsync(It.IsAny<Workspace>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task SaysItCouldNotCheck_WhenThePlatformDoesNotAnswerInTime()
    {
        platformSays = null;

        var view = await AskAsync(Ana, "theme ship export-timeouts");

        var refused = Assert.IsType<AdminOnlyView>(view);
        Assert.True(refused.Unchecked);
        Assert.EndsWith("I could not check just now whether you are one (no answer in time), so nothing was changed: try again in a moment.", refused.Text(p => p.Name));
    }

    [Theory]
    [InlineData("settings")]
    [InlineData("admins")]
    [InlineData("help theme")]
    public async Task AsksNobodyWhetherThePersonIsAnAdmin_WhenTheCommandIsOpenToEveryone(string text)
    {
        var view = await AskAsync(Ana, text);

        Assert.IsNotType<AdminOnlyView>(view);
        slack.Verify(p => p.IsAdminAsync(It.IsAny<ChatContext>(), It.IsAny<CancellationToken>()), Times.Never);
        listed.Verify(s => s.IsListedAdminAsync(It.IsAny<WorkspaceId>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ListsWhoMayRunAdminCommands_ForAnyone()
    {
        var view = Assert.IsType<AdminsView>(await AskAsync(Ana, "admins"));

        Assert.Equal("Workspace admins", view.Title(p => p.Name));
        Assert.Equal(
            ["Slack workspace owners and admins, by their role", "@U0INSTALL, who installed the app", "@Ben, added by @U0INSTALL on 23 Nov 2026"],
            view.Lines(p => "@" + p.Name));
    }

    [Fact]
    public void NamesWhoMayAddAdmins_WhenNoInstallerIsKnownAndNobodyWasAdded()
    {
        var roster = new AdminRoster("Teams team owners (in the team's channels)", null, []);

        Assert.Equal("Teams team owners (in the team's channels), and anyone an admin adds with admins add", roster.WhoCan(p => p.Name));
    }

    [Fact]
    public void NamesTheFirstPeopleAddedAndCountsTheRest_WhenManyWereAdded()
    {
        var added = Enumerable.Range(1, 7).Select(i => new WorkspaceAdmin(new ChatUser($"U{i}", $"P{i}"), Ana, Now)).ToList();

        var text = new AdminRoster("Slack workspace owners and admins", null, added).WhoCan(p => p.Name);

        Assert.Equal("Slack workspace owners and admins, and the people added with admins add: P1, P2, P3, P4, P5 and 2 more", text);
    }

    private Task<View> AskAsync(ChatUser user, string text) =>
        Commands.HandleTextAsync(new ChatContext(Workspace, user, "C1", TimeZoneInfo.Utc), text, ct);
}
