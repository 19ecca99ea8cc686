namespace CustomerPulseBot.Web.Tests;

/// <summary>
/// Admins in the playground: everyone on the page is one unless <c>Playground:Admins</c> names the only ones, so the
/// refusal everyone else gets can be tried there too.
/// </summary>
public sealed class PlaygroundAdminTests
{
    private const string Merge = "theme merge slow-dash slow-dashboard";

    [Fact]
    public async Task MergesThemesForAnyone_WhenNoAdminsAreNamed()
    {
        await using var app = PulseAppFactory.Sqlite();
        var playground = await WithTwoThemesAsync(app);

        var merged = await playground.SayAsync(Merge, user: "Ben");

        Assert.True(merged.Shows("Merged #slow-dash into #slow-dashboard"), string.Join(" | ", merged.Strings));
    }

    [Fact]
    public async Task RefusesEveryoneElse_WhenAdminsAreNamed_AndLetsTheNamedOnesAddOthers()
    {
        await using var app = PulseAppFactory.Sqlite("Development", ("Playground:Admins:0", "Ada"));
        var playground = await WithTwoThemesAsync(app);

        var refused = await playground.SayAsync(Merge, user: "Ben");
        var added = await playground.SayAsync("admins add @Ben", user: "Ada");
        var merged = await playground.SayAsync(Merge, user: "Ben");

        Assert.True(refused.Shows("Only workspace admins can merge themes"), string.Join(" | ", refused.Strings));
        Assert.True(refused.Shows("the playground's admins (Ada)"), string.Join(" | ", refused.Strings));
        Assert.True(refused.Shows(Merge), string.Join(" | ", refused.Strings));
        Assert.True(added.Shows("Ben is now a workspace admin"), string.Join(" | ", added.Strings));
        Assert.True(merged.Shows("Merged #slow-dash into #slow-dashboard"), string.Join(" | ", merged.Strings));
    }

    private static async Task<PlaygroundClient> WithTwoThemesAsync(PulseAppFactory app)
    {
        var playground = new PlaygroundClient(app);
        await playground.SayAsync("Dashboards crawl customer:Acme #slow-dash");
        await playground.SayAsync("Charts take a minute customer:Globex #slow-dashboard");
        return playground;
    }
}
