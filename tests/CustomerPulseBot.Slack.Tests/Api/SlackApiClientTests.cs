using System.Text;
using System.Text.Json.Nodes;
using CustomerPulseBot.Slack.Api;
using CustomerPulseBot.Slack.BlockKit;
using CustomerPulseBot.TestKit.Slack;

namespace CustomerPulseBot.Slack.Tests.Api;

/// <summary>The client's wire format against the fake Web API; its timeouts and retries are the host's outbound policy (Web.Tests).</summary>
public sealed class SlackApiClientTests : IAsyncLifetime
{
    private FakeSlackApi slack = null!;
    private HttpClient http = null!;
    private SlackApiClient client = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync();
        http = new HttpClient { BaseAddress = new Uri(slack.ApiBaseUrl) };
        client = new SlackApiClient(http);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await slack.DisposeAsync();
    }

    [Fact]
    public async Task PostsJsonWithTheBotToken_WhenPostingAMessage()
    {
        var message = new SlackMessage("Fallback <b>", [Block.Section("hello")]);

        var ts = await client.PostMessageAsync("xoxb-1", "C1", message, "1700000000.000100", CancellationToken.None);

        var call = Assert.Single(slack.Calls);
        Assert.Equal((string?)Assert.Single(slack.Messages("C1"))["ts"], ts);
        Assert.Equal("chat.postMessage", call.Method);
        Assert.Equal("Bearer xoxb-1", call.Authorization);
        Assert.Equal("application/json; charset=utf-8", call.ContentType);
        Assert.Equal("C1", (string?)call.Json!["channel"]);
        Assert.Equal("1700000000.000100", (string?)call.Json!["thread_ts"]);
        Assert.Equal("Fallback &lt;b&gt;", (string?)call.Json!["text"]);
        Assert.Null(call.Json!["response_type"]);
        Assert.Null(call.Json!["metadata"]);
    }

    [Fact]
    public async Task ReadsBackTheMetadataPostedWithAMessage_NewestFirstAfterOldest()
    {
        var before = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(1);
        await client.PostDeliveryAsync("xoxb-1", "C1", new SlackMessage("first", []), Metadata("one"), CancellationToken.None);
        await client.PostDeliveryAsync("xoxb-1", "C1", new SlackMessage("second", []), Metadata("two"), CancellationToken.None);

        var page = await client.GetHistoryAsync("xoxb-1", "C1", before, null, CancellationToken.None);
        var later = await client.GetHistoryAsync("xoxb-1", "C1", DateTimeOffset.UtcNow + TimeSpan.FromMinutes(1), null, CancellationToken.None);

        Assert.Equal(["two", "one"], page.Messages.Select(m => (string?)m["metadata"]?["event_payload"]?["key"]));
        Assert.Null(page.NextCursor);
        Assert.Empty(later.Messages);
        var call = slack.Calls.Last(c => c.Method == "conversations.history");
        Assert.Equal(("C1", "true", "application/x-www-form-urlencoded"), (call.Form["channel"].ToString(), call.Form["include_all_metadata"].ToString(), call.ContentType));
    }

    [Fact]
    public async Task FollowsTheCursor_WhenSlackGivesHistoryInPages()
    {
        slack.HistoryPageLimit = 2;
        foreach (var key in new[] { "one", "two", "three" })
        {
            await client.PostDeliveryAsync("xoxb-1", "C1", new SlackMessage(key, []), Metadata(key), CancellationToken.None);
        }

        var first = await client.GetHistoryAsync("xoxb-1", "C1", DateTimeOffset.UnixEpoch, null, CancellationToken.None);
        var second = await client.GetHistoryAsync("xoxb-1", "C1", DateTimeOffset.UnixEpoch, first.NextCursor, CancellationToken.None);

        Assert.Equal(["three", "two"], first.Messages.Select(m => (string?)m["text"]));
        Assert.Equal(["one"], second.Messages.Select(m => (string?)m["text"]));
        Assert.NotNull(first.NextCursor);
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task OpensTheDirectMessageConversation_ThatAPostToTheUserLandsIn()
    {
        await client.PostDeliveryAsync("xoxb-1", "U0LEAD001", new SlackMessage("brief", []), Metadata("brief"), CancellationToken.None);

        var conversation = await client.OpenDirectAsync("xoxb-1", "U0LEAD001", CancellationToken.None);
        var history = await client.GetHistoryAsync("xoxb-1", conversation, DateTimeOffset.UnixEpoch, null, CancellationToken.None);

        Assert.StartsWith("D", conversation);
        Assert.Equal("brief", (string?)Assert.Single(history.Messages)["text"]);
        Assert.Equal("U0LEAD001", (string?)slack.Calls.Single(c => c.Method == "conversations.open").Json!["users"]);
    }

    [Theory]
    [InlineData("chat.postEphemeral")]
    [InlineData("chat.update")]
    [InlineData("views.open")]
    [InlineData("views.publish")]
    [InlineData("chat.getPermalink")]
    [InlineData("users.info")]
    [InlineData("oauth.v2.access")]
    [InlineData("conversations.open")]
    [InlineData("conversations.history")]
    public async Task ThrowsSlacksError_WhenTheEnvelopeSaysNotOk(string method)
    {
        slack.AnswerNext(method, 200, """{"ok":false,"error":"channel_not_found"}""");

        var error = await Assert.ThrowsAsync<SlackApiException>(() => Call(method));

        Assert.Equal(method, error.Method);
        Assert.Equal("channel_not_found", error.Error);
        Assert.Equal(method, Assert.Single(slack.Calls).Method);
    }

    [Fact]
    public async Task SendsFormFields_WhenCallingReadMethods()
    {
        var permalink = await client.GetPermalinkAsync("xoxb-1", "C9", "1700000000.000100", CancellationToken.None);
        var user = await client.GetUserAsync("xoxb-1", "U7", CancellationToken.None);

        Assert.Equal("https://fake.slack.com/archives/C9/p1700000000000100", permalink);
        Assert.Equal(new SlackUser("Jane", "America/New_York"), user);
        Assert.All(slack.Calls, c => Assert.Equal("application/x-www-form-urlencoded", c.ContentType));
        Assert.Equal("U7", slack.Calls[1].Form["user"]);
    }

    [Fact]
    public async Task SendsClientCredentialsAsBasicAuth_WhenExchangingAnOAuthCode()
    {
        slack.AnswerNext("oauth.v2.access", 200, """
            {"ok":true,"access_token":"xoxb-new","token_type":"bot","scope":"commands,chat:write","bot_user_id":"UBOT",
             "team":{"id":"T9","name":"Globex"},"enterprise":null,"is_enterprise_install":false,"authed_user":{"id":"U1"}}
            """);

        var access = await client.ExchangeCodeAsync("cid", "csecret", "code-1", "https://bot.example.com/slack/oauth/callback", CancellationToken.None);

        var call = Assert.Single(slack.Calls);
        Assert.Equal(new OAuthAccess("xoxb-new", "T9", "Globex", null, false, "UBOT", "commands,chat:write", "U1"), access);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("cid:csecret")), call.Authorization);
        Assert.Equal("code-1", call.Form["code"]);
        Assert.Equal("https://bot.example.com/slack/oauth/callback", call.Form["redirect_uri"]);
    }

    [Fact]
    public async Task PostsToTheResponseUrlWithoutAToken_WhenResponding()
    {
        await client.RespondAsync(slack.ResponseUrl("r1"), new() { ["delete_original"] = true }, CancellationToken.None);

        var call = await slack.WaitForAsync("hooks/r1");
        Assert.Equal("", call.Authorization);
        Assert.Equal(true, (bool?)call.Json!["delete_original"]);
    }

    private static JsonObject Metadata(string key) =>
        new() { ["event_type"] = "test_event", ["event_payload"] = new JsonObject { ["key"] = key } };

    private Task Call(string method) => method switch
    {
        "chat.postEphemeral" => client.PostEphemeralAsync("xoxb-1", "C1", "U1", new SlackMessage("t", []), CancellationToken.None),
        "chat.update" => client.UpdateAsync("xoxb-1", "C1", "1.2", new SlackMessage("t", []), CancellationToken.None),
        "views.open" => client.OpenViewAsync("xoxb-1", "trigger", new() { ["type"] = "modal" }, CancellationToken.None),
        "views.publish" => client.PublishHomeAsync("xoxb-1", "U1", new() { ["type"] = "home" }, CancellationToken.None),
        "chat.getPermalink" => client.GetPermalinkAsync("xoxb-1", "C1", "1.2", CancellationToken.None),
        "users.info" => client.GetUserAsync("xoxb-1", "U1", CancellationToken.None),
        "oauth.v2.access" => client.ExchangeCodeAsync("id", "secret", "code", null, CancellationToken.None),
        "conversations.open" => client.OpenDirectAsync("xoxb-1", "U1", CancellationToken.None),
        "conversations.history" => client.GetHistoryAsync("xoxb-1", "C1", DateTimeOffset.UnixEpoch, null, CancellationToken.None),
        _ => throw new ArgumentException(method),
    };
}
