using System.Text;
using CustomerPulseBot.Slack.Api;
using CustomerPulseBot.Slack.BlockKit;
using CustomerPulseBot.TestKit.Slack;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPulseBot.Slack.Tests.Api;

public sealed class SlackApiClientTests : IAsyncLifetime
{
    private readonly WatchedClock clock = new();
    private FakeSlackApi slack = null!;
    private HttpClient http = null!;
    private SlackApiClient client = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlackApi.StartAsync();
        http = new HttpClient { BaseAddress = new Uri(slack.ApiBaseUrl) };
        client = new SlackApiClient(http, clock, NullLogger<SlackApiClient>.Instance);
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
        Assert.Equal("1700000001.000100", ts);
        Assert.Equal("chat.postMessage", call.Method);
        Assert.Equal("Bearer xoxb-1", call.Authorization);
        Assert.Equal("application/json; charset=utf-8", call.ContentType);
        Assert.Equal("C1", (string?)call.Json!["channel"]);
        Assert.Equal("1700000000.000100", (string?)call.Json!["thread_ts"]);
        Assert.Equal("Fallback &lt;b&gt;", (string?)call.Json!["text"]);
        Assert.Null(call.Json!["response_type"]);
    }

    [Theory]
    [InlineData("chat.postEphemeral")]
    [InlineData("chat.update")]
    [InlineData("views.open")]
    [InlineData("views.publish")]
    [InlineData("chat.getPermalink")]
    [InlineData("users.info")]
    [InlineData("oauth.v2.access")]
    public async Task ThrowsSlacksError_WhenTheEnvelopeSaysNotOk(string method)
    {
        slack.AnswerNext(method, 200, """{"ok":false,"error":"channel_not_found"}""");

        var error = await Assert.ThrowsAsync<SlackApiException>(() => Call(method));

        Assert.Equal(method, error.Method);
        Assert.Equal("channel_not_found", error.Error);
        Assert.Equal(method, Assert.Single(slack.Calls).Method);
    }

    [Fact]
    public async Task WaitsForRetryAfterThenRetries_WhenRateLimited()
    {
        slack.AnswerNext("views.publish", 429, """{"ok":false,"error":"ratelimited"}""", TimeSpan.FromSeconds(7));

        var publishing = client.PublishHomeAsync("xoxb-1", "U1", new() { ["type"] = "home" }, CancellationToken.None);
        var wait = await clock.NextDelay.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(7), wait);
        Assert.Single(slack.Calls);
        Assert.False(publishing.IsCompleted);
        clock.Advance(wait);
        await publishing;
        Assert.Equal(["views.publish", "views.publish"], slack.Calls.Select(c => c.Method));
    }

    [Fact]
    public async Task ReportsRateLimit_WhenSlackKeepsRefusing()
    {
        for (var i = 0; i < 3; i++)
        {
            slack.AnswerNext("chat.update", 429, """{"ok":false,"error":"ratelimited"}""", TimeSpan.Zero);
        }

        var error = await Assert.ThrowsAsync<SlackApiException>(() => Call("chat.update"));

        Assert.Equal("ratelimited", error.Error);
        Assert.Equal(3, slack.Calls.Count);
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

    private Task Call(string method) => method switch
    {
        "chat.postEphemeral" => client.PostEphemeralAsync("xoxb-1", "C1", "U1", new SlackMessage("t", []), CancellationToken.None),
        "chat.update" => client.UpdateAsync("xoxb-1", "C1", "1.2", new SlackMessage("t", []), CancellationToken.None),
        "views.open" => client.OpenViewAsync("xoxb-1", "trigger", new() { ["type"] = "modal" }, CancellationToken.None),
        "views.publish" => client.PublishHomeAsync("xoxb-1", "U1", new() { ["type"] = "home" }, CancellationToken.None),
        "chat.getPermalink" => client.GetPermalinkAsync("xoxb-1", "C1", "1.2", CancellationToken.None),
        "users.info" => client.GetUserAsync("xoxb-1", "U1", CancellationToken.None),
        "oauth.v2.access" => client.ExchangeCodeAsync("id", "secret", "code", null, CancellationToken.None),
        _ => throw new ArgumentException(method),
    };

    /// <summary>A fake clock that also says when code starts waiting on it, so a test advances it only once something waits.</summary>
    private sealed class WatchedClock : TimeProvider
    {
        private readonly FakeTimeProvider fake = new();
        private readonly TaskCompletionSource<TimeSpan> delay = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<TimeSpan> NextDelay => delay.Task;

        public void Advance(TimeSpan by) => fake.Advance(by);

        public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = fake.CreateTimer(callback, state, dueTime, period);
            delay.TrySetResult(dueTime);
            return timer;
        }
    }
}
