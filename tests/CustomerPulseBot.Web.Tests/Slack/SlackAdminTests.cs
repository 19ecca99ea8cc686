using System.Net;

namespace CustomerPulseBot.Web.Tests.Slack;

/// <summary>Admin commands over real signed /pulse requests: Slack's answer to users.info decides, with the installer and people added.</summary>
public sealed class SlackAdminTests : IAsyncLifetime
{
    private const string Ana = "U0ANA0001";
    private const string Ben = "U0BEN0002";
    private const string Merge = "theme merge slow-dash slow-dashboard";

    private SlackHost host = null!;

    public async Task InitializeAsync() => host = await SlackHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task RefusesAndNamesWhoCan_WhenSomeoneSlackDoesNotCallAnAdminMergesThemes()
    {
        await TwoThemesAsync(host);

        var response = await host.CommandAsync(Merge, user: Ben);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var texts = SlackHost.Texts(await SlackHost.JsonAsync(response));
        Assert.Contains("Only workspace admins can merge themes", texts);
        Assert.Contains("Workspace admins here are Slack workspace owners and admins, and anyone an admin adds with admins add. Ask one of them.", texts);
        Assert.Contains($"&gt; {Merge}", texts);
        Assert.Equal(Ben, (await host.Api.WaitForAsync("users.info")).Form["user"].ToString());
        Assert.Equal("slow-dash", (await ThemeAsync(host, "slow-dash"))?.Name);
    }

    [Fact]
    public async Task MergesThemes_WhenSlackSaysThePersonIsAWorkspaceAdmin()
    {
        await TwoThemesAsync(host);
        host.Api.MakeAdmin(Ben);

        var texts = SlackHost.Texts(await SlackHost.JsonAsync(await host.CommandAsync(Merge, user: Ben)));

        Assert.Contains("Merged #slow-dash into #slow-dashboard", texts);
        Assert.Equal("slow-dashboard", (await ThemeAsync(host, "slow-dash"))?.Name);
    }

    [Fact]
    public async Task LetsSomeoneAnAdminAddedMergeThemes_AndListsThem()
    {
        await TwoThemesAsync(host);
        host.Api.MakeAdmin(Ana);

        var added = SlackHost.Texts(await SlackHost.JsonAsync(await host.CommandAsync($"admins add <@{Ben}>", user: Ana)));
        var merged = SlackHost.Texts(await SlackHost.JsonAsync(await host.CommandAsync(Merge, user: Ben)));
        var listed = SlackHost.Texts(await SlackHost.JsonAsync(await host.CommandAsync("admins", user: "U0CAL0003")));

        Assert.Contains($"<@{Ben}> is now a workspace admin", added);
        Assert.Contains("Merged #slow-dash into #slow-dashboard", merged);
        Assert.Contains($"<@{Ben}>, added by <@{Ana}> on ", listed);
        Assert.DoesNotContain(host.Api.Calls, c => c.Method == "users.info" && c.Form["user"] == Ben);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CountsThePersonAsNoAdminAndSaysSo_WhenUsersInfoFailsOrDoesNotAnswer(bool hangs)
    {
        await TwoThemesAsync(host);
        host.Api.MakeAdmin(Ben);
        if (hangs)
        {
            host.Api.HoldNext("users.info", new TaskCompletionSource().Task);
        }
        else
        {
            host.Api.AnswerNext("users.info", 500, "Internal Server Error");
        }

        var response = await host.CommandAsync(Merge, user: Ben);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var texts = SlackHost.Texts(await SlackHost.JsonAsync(response));
        Assert.Contains("Only workspace admins can merge themes", texts);
        Assert.Contains("I could not check just now whether you are one (no answer in time), so nothing was changed: try again in a moment.", texts);
        Assert.Equal("slow-dash", (await ThemeAsync(host, "slow-dash"))?.Name);
    }

    [Fact]
    public async Task MergesThemes_WhenThePersonWhoInstalledTheAppAsks()
    {
        await using var installed = await SlackInstallTests.StartAsync();
        await SlackInstallTests.InstallAsync(installed, "TBETA0002", "xoxb-beta");
        await TwoThemesAsync(installed, "TBETA0002");

        var texts = SlackHost.Texts(await SlackHost.JsonAsync(await installed.CommandAsync(Merge, team: "TBETA0002", user: "U0ADMIN01")));

        Assert.Contains("Merged #slow-dash into #slow-dashboard", texts);
        Assert.DoesNotContain(installed.Api.Calls, c => c.Method == "users.info");
    }

    private static async Task TwoThemesAsync(SlackHost on, string team = SlackHost.Team)
    {
        await on.CommandAsync($"Dashboards crawl {Guid.NewGuid():N} customer:Acme #slow-dash", team: team, user: Ana);
        await on.CommandAsync($"Charts take a minute {Guid.NewGuid():N} customer:Globex #slow-dashboard", team: team, user: Ana);
    }

    private static async Task<Core.Themes.Theme?> ThemeAsync(SlackHost on, string name, string team = SlackHost.Team)
    {
        var workspace = await on.WorkspaceAsync(team);
        return await on.Store.FindThemeAsync(workspace.Id, name, CancellationToken.None);
    }
}
