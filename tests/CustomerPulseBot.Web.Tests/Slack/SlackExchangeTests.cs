using System.Text.Json.Nodes;
using CustomerPulseBot.Core.ApiKeys;
using CustomerPulseBot.Core.Customers;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPulseBot.Web.Tests.Slack;

/// <summary>API keys and rankings by revenue over real signed Slack requests: a secret goes only where the admin alone reads it.</summary>
public sealed class SlackExchangeTests : IAsyncLifetime
{
    private const string Ana = "U0ANA0001";

    private SlackHost host = null!;

    public async Task InitializeAsync()
    {
        host = await SlackHost.StartAsync();
        host.Api.MakeAdmin(Ana);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task PostsTheKeyInTheDirectMessage_ButOnlyWhereToAskAfterAMentionInAChannel()
    {
        var dm = new JsonObject
        {
            ["type"] = "message", ["channel_type"] = "im", ["channel"] = "D0DM00001", ["user"] = Ana,
            ["text"] = "api-key create write CRM sync", ["ts"] = "1700000000.000100",
        };

        await host.EventAsync(SlackEventTests.Callback("Ev0KEYINDM1", dm));
        var inDm = await host.Api.WaitForAsync("chat.postMessage");
        await host.EventAsync(SlackEventTests.Callback("Ev0KEYINCH1", SlackEventTests.Mention("<@U0BOT0001> api-key create read Looker", "1700000000.000200")));
        var inChannel = (await host.Api.WaitForAsync("chat.postMessage", 2)).Json!;

        var dmTexts = SlackHost.Texts(inDm.Json!["blocks"]);
        var secret = System.Text.RegularExpressions.Regex.Match(dmTexts, "pk_[A-Za-z0-9_-]{43}").Value;
        Assert.Equal("D0DM00001", (string?)inDm.Json["channel"]);
        Assert.Contains("*CRM sync* · write · shown this once", dmTexts);
        Assert.DoesNotContain(secret, (string?)inDm.Json["text"]);
        Assert.Equal("CRM sync", (await Keys.AuthenticateAsync(secret, CancellationToken.None))?.Name);
        Assert.Equal("C0CHAN001", (string?)inChannel["channel"]);
        Assert.Contains("Ask me in a direct message", SlackHost.Texts(inChannel["blocks"]));
        Assert.Contains("sending: api-key create read Looker", SlackHost.Texts(inChannel["blocks"]));
        Assert.DoesNotContain("pk_", inChannel.ToJsonString());
        Assert.Equal(["CRM sync"], (await Keys.ListAsync((await host.WorkspaceAsync()).Id, CancellationToken.None)).Select(k => k.Name));
    }

    [Fact]
    public async Task AnswersTheKeyEphemerally_WhenAnAdminUsesTheSlashCommandInAChannel()
    {
        var answer = await SlackHost.JsonAsync(await host.CommandAsync("api-key create --scope read --name \"Looker\""));

        Assert.Equal("ephemeral", (string?)answer["response_type"]);
        Assert.Contains("*Looker* · read · shown this once", SlackHost.Texts(answer["blocks"]));
        Assert.Contains("Authorization: Bearer pk_", SlackHost.Texts(answer["blocks"]));
    }

    [Fact]
    public async Task RanksByTheRevenueBehindEachTheme_WhenAskedInPlainWords()
    {
        var workspace = await host.WorkspaceAsync();
        await host.App.Services.GetRequiredService<ICustomerStore>().SaveCustomersAsync(workspace.Id,
            [new CustomerProfile("Big Bank", [], Arr: 500_000m), new CustomerProfile("Small Shop", [], Arr: 10_000m)], CancellationToken.None);
        await host.CommandAsync("SSO setup failed for the whole bank customer:\"Big Bank\" #sso-setup");
        foreach (var customer in new[] { "Small Shop", "Initech", "Hooli" })
        {
            await host.CommandAsync($"Exports time out every morning customer:\"{customer}\" #export-timeouts");
        }

        var usual = SlackHost.Texts((await SlackHost.JsonAsync(await host.CommandAsync("top this week")))["blocks"]);
        var byRevenue = SlackHost.Texts((await SlackHost.JsonAsync(await host.CommandAsync("which pain points cost us the most revenue this week?")))["blocks"]);

        Assert.True(usual.IndexOf("#export-timeouts", StringComparison.Ordinal) < usual.IndexOf("#sso-setup", StringComparison.Ordinal));
        Assert.Contains("Top customer pain points by revenue this week", byRevenue);
        Assert.Contains("*1. #sso-setup*", byRevenue);
        Assert.Contains("500k ARR from 1 customer", byRevenue);
        Assert.Contains("*2. #export-timeouts*", byRevenue);
        Assert.Contains("10k ARR from 1 customer", usual);
    }

    private ApiKeys Keys => host.App.Services.GetRequiredService<ApiKeys>();
}
