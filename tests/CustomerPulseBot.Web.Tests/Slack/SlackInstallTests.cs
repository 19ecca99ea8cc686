using System.Net;
using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPulseBot.Web.Tests.Slack;

public sealed class SlackInstallTests
{
    private const string Redirect = "https://bot.example.com/slack/oauth/callback";

    private static Task<SlackHost> StartAsync() => SlackHost.StartAsync(
        ("Slack:ClientId", "cid.123"), ("Slack:ClientSecret", "csecret"), ("Slack:RedirectUrl", Redirect));

    private static HttpClient Browser(SlackHost host) =>
        host.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    internal static async Task<HttpResponseMessage> InstallAsync(SlackHost host, string team, string token, string? stateOverride = null)
    {
        using var browser = Browser(host);
        var start = await browser.GetAsync("/slack/install");
        var location = start.Headers.Location!;
        var query = QueryHelpers.ParseQuery(location.Query);
        host.Api.AnswerNext("oauth.v2.access", 200, new JsonObject
        {
            ["ok"] = true, ["access_token"] = token, ["token_type"] = "bot", ["scope"] = "commands,chat:write", ["bot_user_id"] = "UBOT",
            ["team"] = new JsonObject { ["id"] = team, ["name"] = $"Team {team}" }, ["enterprise"] = null,
            ["is_enterprise_install"] = false, ["authed_user"] = new JsonObject { ["id"] = "U0ADMIN01" },
        }.ToJsonString());
        return await browser.GetAsync($"/slack/oauth/callback?code=code-{team}&state={Uri.EscapeDataString(stateOverride ?? query["state"]!)}");
    }

    [Fact]
    public async Task SendsTheInstallerToSlackWithAState_WhenInstallIsVisited()
    {
        await using var host = await StartAsync();
        using var browser = Browser(host);

        var response = await browser.GetAsync("/slack/install");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("https://slack.com/oauth/v2/authorize", location.GetLeftPart(UriPartial.Path));
        Assert.Equal(("cid.123", Redirect), (query["client_id"].ToString(), query["redirect_uri"].ToString()));
        Assert.Contains("commands", query["scope"].ToString());
        Assert.True(query["state"].ToString().Length >= 40);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("slack_oauth_state=") && c.Contains("httponly"));
    }

    [Fact]
    public async Task StoresTheTokenEncryptedAndServesTheTeam_WhenSlackCallsBack()
    {
        await using var host = await StartAsync();

        var page = await InstallAsync(host, "TBETA0002", "xoxb-beta-secret");
        await host.CommandAsync("", team: "TBETA0002");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("installed in Team TBETA0002", await page.Content.ReadAsStringAsync());
        var exchange = host.Api.Calls.Single(c => c.Method == "oauth.v2.access");
        Assert.Equal(("code-TBETA0002", Redirect), (exchange.Form["code"].ToString(), exchange.Form["redirect_uri"].ToString()));
        var stored = await host.App.Services.GetRequiredService<IInstallationStore>()
            .FindInstallationAsync(Platform.Slack, "TBETA0002", CancellationToken.None);
        Assert.NotNull(stored);
        Assert.DoesNotContain("xoxb", stored.ProtectedToken);
        Assert.Equal("Bearer xoxb-beta-secret", (await host.Api.WaitForAsync("views.open")).Authorization);
    }

    [Fact]
    public async Task RefusesTheCallbackAndExchangesNothing_WhenTheStateDoesNotMatch()
    {
        await using var host = await StartAsync();

        var page = await InstallAsync(host, "TBETA0002", "xoxb-beta", stateOverride: "forged-state");

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.DoesNotContain(host.Api.Calls, c => c.Method == "oauth.v2.access");
        Assert.Null(await host.App.Services.GetRequiredService<IInstallationStore>()
            .FindInstallationAsync(Platform.Slack, "TBETA0002", CancellationToken.None));
    }

    [Fact]
    public async Task ForgetsTheTokenAndRefusesTheTeam_WhenTheAppIsUninstalled()
    {
        await using var host = await StartAsync();
        await InstallAsync(host, "TBETA0002", "xoxb-beta");

        var ack = await host.EventAsync(new JsonObject
        {
            ["type"] = "event_callback", ["team_id"] = "TBETA0002", ["event_id"] = "Ev0UNINST01",
            ["event"] = new JsonObject { ["type"] = "app_uninstalled" },
        }.ToJsonString());
        var reply = await SlackHost.JsonAsync(await host.CommandAsync("Exports time out", team: "TBETA0002"));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Null(await host.App.Services.GetRequiredService<IInstallationStore>()
            .FindInstallationAsync(Platform.Slack, "TBETA0002", CancellationToken.None));
        Assert.Contains("not installed in this workspace", SlackHost.Texts(reply));
    }

    [Fact]
    public async Task RefusesToShareAnotherWorkspacesSignal_WhenItsIdIsClickedFromThisWorkspace()
    {
        await using var host = await StartAsync();
        await InstallAsync(host, "TALPHA001", "xoxb-alpha");
        await InstallAsync(host, "TBETA0002", "xoxb-beta");
        var ack = await SlackHost.JsonAsync(await host.CommandAsync("Alpha's private quote customer:Acme", team: "TALPHA001"));
        var value = (string)SlackHost.Button(ack, "share_signal")["value"]!;

        await host.InteractionAsync(new JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = "TBETA0002" },
            ["user"] = new JsonObject { ["id"] = "U0BETA001", ["team_id"] = "TBETA0002" },
            ["response_url"] = host.Api.ResponseUrl("beta"),
            ["channel"] = new JsonObject { ["id"] = "C0CHAN001" },
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "share_signal", ["value"] = value }),
        }.ToJsonString());

        var answer = await host.Api.WaitForAsync("hooks/beta");
        Assert.Contains("Nothing was posted", SlackHost.Texts(answer.Json));
        Assert.DoesNotContain("Alpha's private quote", answer.Body);
        Assert.Single(host.Api.Calls, c => c.Method.StartsWith("hooks/"));
    }

    [Theory]
    [InlineData("invalid_auth")]
    [InlineData("account_inactive")]
    [InlineData("token_revoked")]
    public async Task RemovesTheInstallationAndLogsIt_WhenSlackCallsTheBotTokenDead(string error)
    {
        await using var host = await StartAsync();
        await InstallAsync(host, "TBETA0002", "xoxb-beta-dead");
        host.Api.AnswerNext("views.open", 200, new JsonObject { ["ok"] = false, ["error"] = error }.ToJsonString());

        await host.CommandAsync("", team: "TBETA0002");
        var logged = await host.App.Logs.WaitForAsync(e => e["ExternalId"] is "TBETA0002" && e["Removed"] is bool);
        var after = await SlackHost.JsonAsync(await host.CommandAsync("Exports time out", team: "TBETA0002"));

        Assert.Equal((error, true), (logged["Error"], logged["Removed"]));
        Assert.Null(await host.App.Services.GetRequiredService<IInstallationStore>()
            .FindInstallationAsync(Platform.Slack, "TBETA0002", CancellationToken.None));
        Assert.Contains("not installed in this workspace", SlackHost.Texts(after));
        Assert.Single(host.Api.Calls, c => c.Method == "views.open");
    }

    [Fact]
    public async Task KeepsTheInstallation_WhenSlackRefusesACallForAnotherReason()
    {
        await using var host = await StartAsync();
        await InstallAsync(host, "TBETA0002", "xoxb-beta");
        host.Api.AnswerNext("views.open", 200, """{"ok":false,"error":"expired_trigger_id"}""");

        await host.CommandAsync("", team: "TBETA0002");
        await host.App.Logs.WaitForAsync(e => e["Work"] is "views.open capture");

        Assert.NotNull(await host.App.Services.GetRequiredService<IInstallationStore>()
            .FindInstallationAsync(Platform.Slack, "TBETA0002", CancellationToken.None));
        Assert.DoesNotContain(host.App.Logs.Entries, e => e["Removed"] is bool);
    }
}
