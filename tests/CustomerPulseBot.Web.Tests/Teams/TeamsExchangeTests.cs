using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CustomerPulseBot.Core.ApiKeys;
using CustomerPulseBot.Core.Customers;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPulseBot.Web.Tests.Teams;

/// <summary>
/// API keys and rankings by revenue over real authenticated activities: a key is shown in a personal chat only. Ana
/// installed the app, so she is an admin everywhere; each test has a host of its own.
/// </summary>
public sealed partial class TeamsExchangeTests : IAsyncLifetime
{
    private static readonly JsonObject Ana = new() { ["id"] = "29:1ana", ["name"] = "Ana Lima", ["aadObjectId"] = "aad-ana" };

    private readonly TeamsHost host = new();

    public async Task InitializeAsync()
    {
        await host.InitializeAsync();
        await host.PostAsync(TeamsActivities.Base("installationUpdate", host.Connector.ServiceUrl, TeamsActivities.NewConversation(), "personal", TeamsHost.Tenant,
            new() { ["action"] = "add", ["from"] = Ana.DeepClone() }));
    }

    public Task DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task ShowsTheKeyInAPersonalChat_ButOnlyWhereToAskInAChannel()
    {
        var personal = await SayAsync(TeamsActivities.NewConversation(), "api-key create write CRM sync");
        var channel = await SayAsync(TeamsActivities.NewConversation("channel"), "api-key create read Looker", "channel");

        var secret = Secret().Match(personal).Value;
        Assert.Contains("API key created", personal);
        Assert.Equal(("CRM sync", ApiKeyScope.Write), await host.App.Services.GetRequiredService<ApiKeys>().AuthenticateAsync(secret, CancellationToken.None) is { } key
            ? (key.Name, key.Scope)
            : default);
        Assert.Contains("Ask me in a direct message", channel);
        Assert.Contains("in a personal chat with me, sending: api-key create read Looker", channel);
        Assert.DoesNotMatch(Secret(), channel);
    }

    [Fact]
    public async Task RanksByTheRevenueBehindEachTheme_WhenAskedForTopByRevenue()
    {
        var workspace = await host.WorkspaceAsync();
        await host.App.Services.GetRequiredService<ICustomerStore>().SaveCustomersAsync(workspace.Id,
            [new CustomerProfile("Big Bank", [], Arr: 500_000m), new CustomerProfile("Small Shop", [], Arr: 10_000m)], CancellationToken.None);
        var chat = TeamsActivities.NewConversation();
        await SayAsync(chat, "SSO setup failed for the whole bank customer:\"Big Bank\" #sso-setup");
        foreach (var customer in new[] { "Small Shop", "Initech", "Hooli" })
        {
            await SayAsync(chat, $"Exports time out every morning customer:\"{customer}\" #export-timeouts");
        }

        var answer = await SayAsync(chat, "top this week by revenue");

        Assert.Contains("Top customer pain points by revenue", answer);
        Assert.True(answer.IndexOf("1. #sso-setup", StringComparison.Ordinal) is >= 0 and var first && first < answer.IndexOf("2. #export-timeouts", StringComparison.Ordinal));
        Assert.Contains(" · 500k ARR from 1 customer", answer);
        Assert.Contains(" · 10k ARR from 1 customer", answer);
    }

    /// <summary>Sends the message as Ana and returns what the bot's reply card says.</summary>
    private async Task<string> SayAsync(string conversation, string text, string kind = "personal")
    {
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, conversation, text, kind);
        activity["from"] = Ana.DeepClone();
        var response = await host.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return TeamsHost.Texts(host.CallsFor(conversation).Last(c => c.Method == "POST").Card);
    }

    [GeneratedRegex("pk_[A-Za-z0-9_-]{43}")]
    private static partial Regex Secret();
}
