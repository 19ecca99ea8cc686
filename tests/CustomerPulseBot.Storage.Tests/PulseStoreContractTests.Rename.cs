using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Storage.Tests;

/// <summary>Renaming a theme: the old name stays an alias, as a merge keeps it, on both databases.</summary>
public abstract partial class PulseStoreContractTests
{
    [Fact]
    public async Task RenamesTheTheme_AndTheOldNameStillFindsItAndItsSignals()
    {
        var workspace = await NewWorkspaceAsync();
        var first = NewSignal(workspace, "dashboards crawl", themes: ["slow-dash"]);
        await Store.AddSignalAsync(workspace.Id, first, ct);
        var theme = (await Store.FindThemeAsync(workspace.Id, "slow-dash", ct))!;

        var renamed = await Store.RenameThemeAsync(workspace.Id, theme, "Slow Dashboard", ct);
        var later = NewSignal(workspace, "still slow", themes: ["slow-dash"]);
        await Store.AddSignalAsync(workspace.Id, later, ct);

        Assert.Equal(theme with { Name = "slow-dashboard" }, renamed! with { Aliases = theme.Aliases });
        Assert.Equal(["slow-dash"], renamed.Aliases);
        Assert.Equal(renamed.Id, (await Store.FindThemeAsync(workspace.Id, "slow-dash", ct))!.Id);
        Assert.Equal(["slow-dashboard"], (await Store.GetThemesAsync(workspace.Id, ct)).Select(t => t.Name));
        Assert.Equal(["slow-dashboard"], (await Store.GetSignalAsync(workspace.Id, first.Id, ct))!.Themes);
        Assert.Equal(["slow-dashboard"], (await Store.GetSignalAsync(workspace.Id, later.Id, ct))!.Themes);
        Assert.Equal(2, await Store.CountSignalsAsync(workspace.Id, new SignalFilter(Theme: "slow-dash"), ct));
    }

    [Fact]
    public async Task GivesAThemeAnOldNameBack_WhenRenamedToOneOfItsOwnAliases()
    {
        var workspace = await NewWorkspaceAsync();
        await Store.AddSignalAsync(workspace.Id, NewSignal(workspace, "a", themes: ["slow-dash"]), ct);
        var theme = (await Store.FindThemeAsync(workspace.Id, "slow-dash", ct))!;
        var renamed = (await Store.RenameThemeAsync(workspace.Id, theme, "slow-dashboard", ct))!;

        var back = await Store.RenameThemeAsync(workspace.Id, renamed, "slow-dash", ct);

        Assert.Equal(theme, back! with { Aliases = theme.Aliases });
        Assert.Equal(["slow-dashboard"], back.Aliases);
    }

    [Fact]
    public async Task RenamesNothing_WhenTheNameBelongsToAnotherTheme()
    {
        var workspace = await NewWorkspaceAsync();
        await Store.AddSignalAsync(workspace.Id, NewSignal(workspace, "a", themes: ["slow-dash", "exports", "old-exports"]), ct);
        await MergeAsync(workspace, "old-exports", "exports");
        var theme = (await Store.FindThemeAsync(workspace.Id, "slow-dash", ct))!;

        var onName = await Store.RenameThemeAsync(workspace.Id, theme, "exports", ct);
        var onAlias = await Store.RenameThemeAsync(workspace.Id, theme, "old-exports", ct);

        Assert.Equal((null, null), (onName, onAlias));
        Assert.Equal(theme.Name, (await Store.FindThemeAsync(workspace.Id, "slow-dash", ct))!.Name);
        Assert.Equal(["exports", "slow-dash"], (await Store.GetThemesAsync(workspace.Id, ct)).Select(t => t.Name));
    }
}
