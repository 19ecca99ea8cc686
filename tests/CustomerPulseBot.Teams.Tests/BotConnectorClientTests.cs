using System.Net;
using System.Text.Json.Nodes;
using CustomerPulseBot.Teams.Activities;
using CustomerPulseBot.Teams.Connector;
using CustomerPulseBot.TestKit.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace CustomerPulseBot.Teams.Tests;

// The client as TeamsSetup builds it, against a fake Connector on 127.0.0.1. Its timeouts and retries are the
// host's one outbound policy, tested with the host (Web.Tests, OutboundPolicyTests).
public sealed class BotConnectorClientTests : IAsyncLifetime
{
    private const string Conversation = "19:abc@thread.tacv2;messageid=1700000000001";
    private FakeBotConnector connector = null!; // set in InitializeAsync
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        connector = await FakeBotConnector.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Teams:AppId"] = "bot-app-id",
            ["Teams:AppPassword"] = "bot-secret",
        }).Build();
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Production })
            .AddTeams(configuration)
            .AddSingleton<IAppTokenSource>(new FixedToken())
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await connector.DisposeAsync();
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, "BotNotInConversationRoster")]
    [InlineData(HttpStatusCode.NotFound, "ConversationNotFound")]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig")]
    public async Task ReportsTheErrorCode_WhenTheConnectorRefuses(HttpStatusCode status, string code)
    {
        connector.AnswerNext((int)status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = "no" } }.ToJsonString());

        var error = await Assert.ThrowsAsync<BotConnectorException>(() =>
            Client.SendAsync(connector.ServiceUrl, Conversation, Message("digest"), CancellationToken.None));

        Assert.Equal(status, error.Status);
        Assert.Equal(code, error.Code);
        Assert.Single(connector.Calls);
    }

    [Fact]
    public async Task PutsTheWholeActivity_WhenUpdatingAMessage()
    {
        var id = await Client.UpdateAsync(connector.ServiceUrl, Conversation, "1700000000999", Message("updated"), CancellationToken.None);

        var call = Assert.Single(connector.Calls);
        Assert.Equal("PUT", call.Method);
        Assert.Equal($"v3/conversations/{Conversation}/activities/1700000000999", call.Path);
        Assert.Equal("1700000000999", (string?)call.Json["id"]);
        Assert.Equal("updated", (string?)call.Json["text"]);
        Assert.Equal("1700000000999", id);
    }

    [Fact]
    public async Task StartsAThreadInTheChannel_WhenCreatingAConversation()
    {
        var parameters = new ConversationParameters(
            true, new ChannelAccount("28:bot-app-id"), null, "tenant-1",
            new TeamsChannelData(Channel: new NamedId("19:general@thread.tacv2")), Message("Daily digest"));

        var created = await Client.CreateConversationAsync(connector.ServiceUrl, parameters, CancellationToken.None);

        var call = Assert.Single(connector.Calls);
        Assert.Equal(("POST", "v3/conversations"), (call.Method, call.Path));
        Assert.Equal("19:general@thread.tacv2", (string?)call.Json["channelData"]?["channel"]?["id"]);
        Assert.True((bool?)call.Json["isGroup"]);
        Assert.Equal("Daily digest", (string?)call.Json["activity"]?["text"]);
        Assert.Equal(new ConversationResource("conversation-1", "activity-1"), created);
    }

    private BotConnectorClient Client => services.GetRequiredService<BotConnectorClient>();

    private static Activity Message(string text) => new() { Type = Activity.Message, Text = text };

    private sealed class FixedToken : IAppTokenSource
    {
        public Task<string> GetTokenAsync(CancellationToken ct) => Task.FromResult("app-token");
    }
}
