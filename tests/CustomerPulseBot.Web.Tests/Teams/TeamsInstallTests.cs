using System.Net;
using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPulseBot.Web.Tests.Teams;

public sealed class TeamsInstallTests(TeamsHost host) : IClassFixture<TeamsHost>
{
    private static readonly NoticeView Digest = new("Daily digest", "3 fresh quotes");

    private IConversationReferences References => host.App.Services.GetRequiredService<IConversationReferences>();

    private ProactiveMessages Proactive => host.App.Services.GetRequiredService<ProactiveMessages>();

    [Fact]
    public async Task KeepsTheReferenceAndWelcomes_WhenTheBotIsAddedToATeam()
    {
        var channel = TeamsActivities.NewConversation("channel");

        var response = await host.PostAsync(BotAdded(channel, "channel"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var workspace = await host.WorkspaceAsync();
        var reference = await References.FindConversationAsync(workspace.Id, channel, CancellationToken.None);
        Assert.NotNull(reference);
        Assert.Equal(
            (host.Connector.ServiceUrl, "msteams", TeamsHost.Tenant, TeamsHost.BotId, "channel", "team-" + channel),
            (reference.ServiceUrl, reference.ChannelId, reference.TenantId, reference.BotId, reference.ConversationType, reference.TeamId));
        var welcome = Assert.Single(host.CallsFor(channel));
        Assert.Equal(("POST", $"v3/conversations/{channel}/activities"), (welcome.Method, welcome.Path));
        Assert.Contains("Customer Pulse is here", TeamsHost.Texts(welcome.Card));
    }

    [Fact]
    public async Task StartsANewThreadInTheChannel_WhenPostingProactively()
    {
        var channel = TeamsActivities.NewConversation("channel");
        await host.PostAsync(BotAdded(channel, "channel"));
        var workspace = await host.WorkspaceAsync();

        var sent = await Proactive.SendAsync(workspace.Id, channel, Digest, CancellationToken.None);

        Assert.True(sent);
        var post = host.Connector.Calls.Last();
        Assert.Equal(("POST", "v3/conversations"), (post.Method, post.Path));
        Assert.Equal($"Bearer {TeamsHost.AppToken}", post.Authorization);
        Assert.Equal(channel, (string?)post.Json["channelData"]?["channel"]?["id"]);
        Assert.Equal(TeamsHost.Tenant, (string?)post.Json["tenantId"]);
        Assert.Contains("Daily digest", TeamsHost.Texts(post.Card));
    }

    [Fact]
    public async Task PostsIntoThePersonalChat_WhenInstalledThereAndPostingProactively()
    {
        var chat = TeamsActivities.NewConversation();
        await host.PostAsync(Installation(chat, "add"));
        var workspace = await host.WorkspaceAsync();

        var sent = await Proactive.SendAsync(workspace.Id, chat, Digest, CancellationToken.None);

        Assert.True(sent);
        var post = Assert.Single(host.CallsFor(chat));
        Assert.Equal(("POST", $"v3/conversations/{chat}/activities"), (post.Method, post.Path));
        Assert.Contains("3 fresh quotes", TeamsHost.Texts(post.Card));
    }

    [Theory]
    [InlineData("installationUpdate")]
    [InlineData("conversationUpdate")]
    public async Task ForgetsTheConversationAndPostsNothing_WhenTheBotIsRemoved(string how)
    {
        var chat = TeamsActivities.NewConversation("groupChat");
        await host.PostAsync(Installation(chat, "add", "groupChat"));
        var workspace = await host.WorkspaceAsync();

        var response = await host.PostAsync(how == "installationUpdate" ? Installation(chat, "remove", "groupChat") : BotRemoved(chat, "groupChat"));
        var sent = await Proactive.SendAsync(workspace.Id, chat, Digest, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await References.FindConversationAsync(workspace.Id, chat, CancellationToken.None));
        Assert.False(sent);
        Assert.Empty(host.CallsFor(chat));
    }

    [Fact]
    public async Task ForgetsTheConversation_WhenTeamsSaysTheBotIsNoLongerThere()
    {
        var chat = TeamsActivities.NewConversation();
        await host.PostAsync(Installation(chat, "add"));
        var workspace = await host.WorkspaceAsync();
        host.Connector.AnswerNext(403, """{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}""");

        var sent = await Proactive.SendAsync(workspace.Id, chat, Digest, CancellationToken.None);

        Assert.False(sent);
        Assert.Null(await References.FindConversationAsync(workspace.Id, chat, CancellationToken.None));
    }

    [Fact]
    public async Task OpensAPersonalChatAndPostsThere_WhenSendingADirectMessage()
    {
        var channel = TeamsActivities.NewConversation("channel");
        await host.PostAsync(BotAdded(channel, "channel"));
        var workspace = await host.WorkspaceAsync();
        var poster = host.App.Services.GetServices<IChatPoster>().Single(p => p.Platform == Platform.Teams);
        var before = host.Connector.Calls.Count;

        var sent = await poster.PostAsync(workspace.Id, new ChatDestination("aad-user-7", Direct: true), Digest, new DeliveryTag("brief:test", DateTimeOffset.UnixEpoch, MayHavePosted: false), CancellationToken.None);

        Assert.Equal(PostResult.Posted, sent);
        var calls = host.Connector.Calls.Skip(before).ToList();
        Assert.Equal(2, calls.Count);
        Assert.Equal(("POST", "v3/conversations"), (calls[0].Method, calls[0].Path));
        Assert.Equal("aad-user-7", (string?)calls[0].Json["members"]?[0]?["id"]);
        Assert.Equal(TeamsHost.Tenant, (string?)calls[0].Json["channelData"]?["tenant"]?["id"]);
        var created = (string?)calls[0].Json["bot"]?["id"];
        Assert.Equal(TeamsHost.BotId, created);
        Assert.StartsWith("v3/conversations/conversation-", calls[1].Path);
        Assert.Contains("3 fresh quotes", TeamsHost.Texts(calls[1].Card));
    }

    [Fact]
    public async Task SendsNoDirectMessage_WhenTheWorkspaceHasNoConversationYet()
    {
        var workspace = await host.App.Services.GetRequiredService<Core.IPulseStore>()
            .ResolveWorkspaceAsync(Platform.Teams, "tenant-without-installs", "Nobody", CancellationToken.None);
        var poster = host.App.Services.GetServices<IChatPoster>().Single(p => p.Platform == Platform.Teams);

        var sent = await poster.PostAsync(workspace.Id, new ChatDestination("aad-user-8", Direct: true), Digest, new DeliveryTag("brief:test", DateTimeOffset.UnixEpoch, MayHavePosted: false), CancellationToken.None);

        Assert.Equal(PostResult.Gone, sent);
    }

    private JsonObject BotAdded(string conversation, string kind) =>
        TeamsActivities.Base("conversationUpdate", host.Connector.ServiceUrl, conversation, kind, TeamsHost.Tenant, new()
        {
            ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = TeamsHost.BotId }),
            ["channelData"] = ChannelData(conversation, kind, "teamMemberAdded"),
        });

    private JsonObject BotRemoved(string conversation, string kind) =>
        TeamsActivities.Base("conversationUpdate", host.Connector.ServiceUrl, conversation, kind, TeamsHost.Tenant, new()
        {
            ["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = TeamsHost.BotId }),
            ["channelData"] = ChannelData(conversation, kind, "teamMemberRemoved"),
        });

    private JsonObject Installation(string conversation, string action, string kind = "personal") =>
        TeamsActivities.Base("installationUpdate", host.Connector.ServiceUrl, conversation, kind, TeamsHost.Tenant, new() { ["action"] = action });

    private static JsonObject ChannelData(string conversation, string kind, string eventType)
    {
        var data = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TeamsHost.Tenant }, ["eventType"] = eventType };
        if (kind == "channel")
        {
            data["team"] = new JsonObject { ["id"] = "team-" + conversation, ["name"] = "Customer Success" };
            data["channel"] = new JsonObject { ["id"] = conversation, ["name"] = "General" };
        }

        return data;
    }
}
