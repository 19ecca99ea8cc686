using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage.Tests;

/// <summary>Workspace admins and installers (migration 0011), the same on SQLite and PostgreSQL.</summary>
public abstract class AdminStoreContractTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-03-02T10:00:00Z");
    private static readonly ChatUser Ana = new("U0ANA", "Ana");
    private static readonly ChatUser Ben = new("U0BEN", "Ben");
    private static readonly ChatUser Cy = new("U0CY", "Cy");
    private readonly CancellationToken ct = CancellationToken.None;

    protected abstract IPulseStore Store { get; }

    private IAdminStore Admins => (IAdminStore)Store;

    [Fact]
    public async Task ListsThePeopleAddedWithWhoAddedThemAndWhen_FirstAddedFirst()
    {
        var workspace = await NewWorkspaceAsync();

        var ben = await Admins.AddAdminAsync(workspace.Id, new WorkspaceAdmin(Ben, Ana, At.AddMinutes(5)), ct);
        var cy = await Admins.AddAdminAsync(workspace.Id, new WorkspaceAdmin(Cy, Ana, At), ct);

        Assert.Equal((true, true), (ben, cy));
        Assert.Equal([new WorkspaceAdmin(Cy, Ana, At), new WorkspaceAdmin(Ben, Ana, At.AddMinutes(5))], await Admins.GetAdminsAsync(workspace.Id, ct));
        Assert.Equal((true, true, false),
            (await Admins.IsListedAdminAsync(workspace.Id, Ben.Id, ct), await Admins.IsListedAdminAsync(workspace.Id, Cy.Id, ct),
             await Admins.IsListedAdminAsync(workspace.Id, Ana.Id, ct)));
    }

    [Fact]
    public async Task KeepsWhoAddedSomeoneFirst_WhenTheyAreAddedAgain()
    {
        var workspace = await NewWorkspaceAsync();
        await Admins.AddAdminAsync(workspace.Id, new WorkspaceAdmin(Ben, Ana, At), ct);

        var again = await Admins.AddAdminAsync(workspace.Id, new WorkspaceAdmin(Ben, Cy, At.AddDays(1)), ct);

        Assert.False(again);
        Assert.Equal([new WorkspaceAdmin(Ben, Ana, At)], await Admins.GetAdminsAsync(workspace.Id, ct));
    }

    [Fact]
    public async Task TakesSomeoneOffTheListOnce_WhenRemoved()
    {
        var workspace = await NewWorkspaceAsync();
        await Admins.AddAdminAsync(workspace.Id, new WorkspaceAdmin(Ben, Ana, At), ct);

        var first = await Admins.RemoveAdminAsync(workspace.Id, Ben.Id, ct);
        var second = await Admins.RemoveAdminAsync(workspace.Id, Ben.Id, ct);

        Assert.Equal((true, false), (first, second));
        Assert.Empty(await Admins.GetAdminsAsync(workspace.Id, ct));
        Assert.False(await Admins.IsListedAdminAsync(workspace.Id, Ben.Id, ct));
    }

    [Fact]
    public async Task KeepsTheFirstInstaller_WhenTheAppIsInstalledAgainBySomeoneElse()
    {
        var workspace = await NewWorkspaceAsync();
        var before = await Admins.FindInstallerAsync(workspace.Id, ct);

        await Admins.RecordInstallerAsync(workspace.Id, Ana, At, ct);
        await Admins.RecordInstallerAsync(workspace.Id, Ben, At.AddDays(1), ct);

        Assert.Null(before);
        Assert.Equal(Ana, await Admins.FindInstallerAsync(workspace.Id, ct));
    }

    [Fact]
    public async Task SeesOnlyItsOwnWorkspacesAdminsAndInstaller()
    {
        var mine = await NewWorkspaceAsync();
        var other = await NewWorkspaceAsync();
        await Admins.AddAdminAsync(other.Id, new WorkspaceAdmin(Ben, Ana, At), ct);
        await Admins.RecordInstallerAsync(other.Id, Ana, At, ct);

        Assert.Empty(await Admins.GetAdminsAsync(mine.Id, ct));
        Assert.False(await Admins.IsListedAdminAsync(mine.Id, Ben.Id, ct));
        Assert.False(await Admins.RemoveAdminAsync(mine.Id, Ben.Id, ct));
        Assert.Null(await Admins.FindInstallerAsync(mine.Id, ct));
        Assert.Single(await Admins.GetAdminsAsync(other.Id, ct));
    }

    private Task<Workspace> NewWorkspaceAsync() =>
        Store.ResolveWorkspaceAsync(Platform.Teams, Guid.NewGuid().ToString(), "admins", ct);
}
