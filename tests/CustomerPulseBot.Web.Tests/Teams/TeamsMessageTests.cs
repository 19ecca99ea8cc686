using System.Net;
using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Signals;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Web.Tests.Teams;

public sealed class TeamsMessageTests(TeamsHost host) : IClassFixture<TeamsHost>
{
    [Theory]
    [InlineData("personal", "help")]
    [InlineData("groupChat", "<at>Pulse</at> help")]
    [InlineData("channel", "<at>Pulse</at> help")]
    public async Task RepliesWithTheHelpCard_InEveryKindOfConversation(string kind, string text)
    {
        var conversation = TeamsActivities.NewConversation(kind);
        var activity = WithBotMention(TeamsActivities.Message(host.Connector.ServiceUrl, conversation, text, kind));

        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(host.CallsFor(conversation));
        Assert.Equal("POST", reply.Method);
        Assert.Equal($"v3/conversations/{conversation}/activities/{activity["id"]}", reply.Path);
        Assert.Equal((string?)activity["id"], (string?)reply.Json["replyToId"]);
        Assert.Equal(TeamsHost.BotId, (string?)reply.Json["from"]?["id"]);
        Assert.Null(reply.Json["text"]);
        Assert.Contains("what you can say", TeamsHost.Texts(reply.Card));
    }

    [Fact]
    public async Task StoresTheCaptureWithoutTheMention_WhenAChannelMessageMentionsTheBot()
    {
        var conversation = TeamsActivities.NewConversation("channel");
        var quote = $"Exports time out every Monday {Guid.NewGuid():N}";
        var activity = WithBotMention(TeamsActivities.Message(
            host.Connector.ServiceUrl, conversation, $"<at>Pulse</at> {quote} customer:Acme #export-timeouts", "channel"));

        await host.PostAsync(activity);

        var stored = await host.Store.FindSignalsAsync((await host.WorkspaceAsync()).Id, new SignalFilter(Text: quote), 5, CancellationToken.None);
        var signal = Assert.Single(stored);
        Assert.Equal(quote, signal.Quote);
        Assert.Equal("Acme", signal.Customer);
        Assert.Equal("aad-ana", signal.CapturedBy.Id);
        Assert.Equal(conversation, signal.CapturedIn);
        Assert.Contains("Signal captured", TeamsHost.Texts(Assert.Single(host.CallsFor(conversation)).Card));
    }

    [Fact]
    public async Task StoresAndRepliesOnce_WhenTeamsSendsTheSameMessageAgain()
    {
        var conversation = TeamsActivities.NewConversation();
        var quote = $"Onboarding emails land in spam {Guid.NewGuid():N}";
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, conversation, quote);

        var first = await host.PostAsync(activity);
        var again = await host.PostAsync(activity);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Single(await host.Store.FindSignalsAsync((await host.WorkspaceAsync()).Id, new SignalFilter(Text: quote), 5, CancellationToken.None));
        Assert.Single(host.CallsFor(conversation));
    }

    [Fact]
    public async Task AnswersTheRetry_WhenNeitherTheAnswerNorTheApologyReachedTheConversation()
    {
        var conversation = TeamsActivities.NewConversation();
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, conversation, "help");
        host.Connector.AnswerNext(500, """{"error":{"code":"ServiceError","message":"boom"}}""");
        host.Connector.AnswerNext(500, """{"error":{"code":"ServiceError","message":"boom"}}""");

        var failed = await host.PostAsync(activity);
        var retry = await host.PostAsync(activity);
        var again = await host.PostAsync(activity);

        Assert.Equal(
            (HttpStatusCode.InternalServerError, HttpStatusCode.OK, HttpStatusCode.OK),
            (failed.StatusCode, retry.StatusCode, again.StatusCode));
        var calls = host.CallsFor(conversation);
        Assert.Equal(3, calls.Count);
        Assert.Contains("what you can say", TeamsHost.Texts(calls[2].Card));
    }

    [Fact]
    public async Task KeepsOtherPeoplesMentions_WhenOnlyTheBotsIsStripped()
    {
        var conversation = TeamsActivities.NewConversation("channel");
        var quote = $"<at>Bo</at> heard: setup takes a week {Guid.NewGuid():N}";
        var activity = WithBotMention(TeamsActivities.Message(host.Connector.ServiceUrl, conversation, $"<at>Pulse</at> {quote}", "channel"));
        ((JsonArray)activity["entities"]!).Add(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>Bo</at>",
            ["mentioned"] = new JsonObject { ["id"] = "29:1bo", ["name"] = "Bo" },
        });

        await host.PostAsync(activity);

        var stored = await host.Store.FindSignalsAsync((await host.WorkspaceAsync()).Id, new SignalFilter(Text: "setup takes a week"), 50, CancellationToken.None);
        Assert.Contains(stored, s => s.Quote == quote);
    }

    [Fact]
    public async Task ApologisesWithTheTextAndTheLoggedId_WhenReplyingFails()
    {
        var conversation = TeamsActivities.NewConversation();
        host.Connector.AnswerNext(500, """{"error":{"code":"ServiceError","message":"boom"}}""");

        var response = await host.PostAsync(TeamsActivities.Message(host.Connector.ServiceUrl, conversation, "top this week segment:buyer"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = host.CallsFor(conversation);
        Assert.Equal(2, calls.Count);
        var apology = TeamsHost.Texts(calls[1].Card);
        Assert.Contains("top this week segment:buyer", apology);
        var failure = Assert.Single(host.Logs.Entries, e => e.Level == LogLevel.Error && e["CorrelationId"] is string);
        Assert.Contains((string)failure["CorrelationId"]!, apology);
    }

    [Fact]
    public async Task AcknowledgesAndSendsNothing_WhenTheActivityTypeIsNotOneWeHandle()
    {
        var conversation = TeamsActivities.NewConversation();
        var activity = TeamsActivities.Base("messageReaction", host.Connector.ServiceUrl, conversation, "personal", TeamsHost.Tenant, new()
        {
            ["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = "like" }),
        });

        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.CallsFor(conversation));
    }

    [Fact]
    public async Task AnswersNotImplemented_WhenTheInvokeIsNotOneWeHandle()
    {
        var activity = TeamsActivities.Invoke(host.Connector.ServiceUrl, TeamsActivities.NewConversation(), "composeExtension/query", []);

        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    private static JsonObject WithBotMention(JsonObject activity)
    {
        activity["entities"] = new JsonArray(
            new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["timezone"] = "Europe/Berlin" },
            new JsonObject
            {
                ["type"] = "mention",
                ["text"] = "<at>Pulse</at>",
                ["mentioned"] = new JsonObject { ["id"] = TeamsHost.BotId, ["name"] = "Pulse" },
            });
        return activity;
    }
}
