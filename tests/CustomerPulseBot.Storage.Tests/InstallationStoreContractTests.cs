using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage.Tests;

/// <summary>The installations table (migration 0002), the same on SQLite and PostgreSQL.</summary>
public abstract class InstallationStoreContractTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-03-02T10:00:00Z");

    protected abstract IInstallationStore Installations { get; }

    private static Installation Sample(string externalId, string token = "protected-1", bool orgWide = false) =>
        new(Platform.Slack, externalId, orgWide ? externalId : null, orgWide, token, "UBOT", "commands,chat:write", "U1", At);

    [Fact]
    public async Task ReadsBackWhatWasSaved_WhenAnAppIsInstalled()
    {
        var team = $"T{Guid.NewGuid():N}";

        await Installations.SaveInstallationAsync(Sample(team, orgWide: true), CancellationToken.None);

        Assert.Equal(Sample(team, orgWide: true), await Installations.FindInstallationAsync(Platform.Slack, team, CancellationToken.None));
        Assert.Null(await Installations.FindInstallationAsync(Platform.Teams, team, CancellationToken.None));
    }

    [Fact]
    public async Task KeepsOnlyTheNewToken_WhenAnAppIsInstalledAgain()
    {
        var team = $"T{Guid.NewGuid():N}";
        await Installations.SaveInstallationAsync(Sample(team, "old"), CancellationToken.None);

        await Installations.SaveInstallationAsync(Sample(team, "new"), CancellationToken.None);

        Assert.Equal("new", (await Installations.FindInstallationAsync(Platform.Slack, team, CancellationToken.None))!.ProtectedToken);
    }

    [Fact]
    public async Task ForgetsTheInstallationOnce_WhenRemoved()
    {
        var team = $"T{Guid.NewGuid():N}";
        await Installations.SaveInstallationAsync(Sample(team), CancellationToken.None);

        var first = await Installations.RemoveInstallationAsync(Platform.Slack, team, CancellationToken.None);
        var second = await Installations.RemoveInstallationAsync(Platform.Slack, team, CancellationToken.None);

        Assert.Equal((true, false), (first, second));
        Assert.Null(await Installations.FindInstallationAsync(Platform.Slack, team, CancellationToken.None));
    }
}
