using System.Net;
using System.Text.Json.Nodes;

namespace CustomerPulseBot.Web.Tests.Slack;

public sealed class SlackEventTests
{
    internal static string Callback(string eventId, JsonObject inner, string team = SlackHost.Team) => new JsonObject
    {
        ["token"] = "deprecated",
        ["type"] = "event_callback",
        ["team_id"] = team,
        ["api_app_id"] = "A0APP0001",
        ["event_id"] = eventId,
        ["event_time"] = 1700000000,
        ["event"] = inner,
    }.ToJsonString();

    internal static JsonObject Mention(string text, string ts, string? threadTs = null) => new()
    {
        ["type"] = "app_mention",
        ["user"] = "U0ANA0001",
        ["text"] = text,
        ["ts"] = ts,
        ["channel"] = "C0CHAN001",
        ["event_ts"] = ts,
        ["thread_ts"] = threadTs,
    };

    [Fact]
    public async Task EchoesTheChallenge_WhenSlackVerifiesTheUrl()
    {
        await using var host = await SlackHost.StartAsync();

        var answer = await SlackHost.JsonAsync(await host.EventAsync("""{"token":"x","challenge":"3eZbrw1aBm2","type":"url_verification"}"""));

        Assert.Equal("3eZbrw1aBm2", (string?)answer["challenge"]);
    }

    [Fact]
    public async Task AnswersInTheThread_WhenMentionedWithAQuestion()
    {
        await using var host = await SlackHost.StartAsync();
        await host.CommandAsync("Exports time out customer:Acme #export-timeouts");

        var response = await host.EventAsync(Callback("Ev0MENTION1", Mention("<@U0BOT0001> what are this week's top customer pain points?", "1700000000.000200", "1699999000.000100")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var reply = await host.Api.WaitForAsync("chat.postMessage");
        Assert.Equal(("C0CHAN001", "1699999000.000100"), ((string?)reply.Json!["channel"], (string?)reply.Json!["thread_ts"]));
        Assert.Contains("Top customer pain points this week", SlackHost.Texts(reply.Json["blocks"]));
        Assert.Contains("#export-timeouts", SlackHost.Texts(reply.Json["blocks"]));
    }

    [Fact]
    public async Task HandlesAnEventOnce_WhenSlackRetriesIt()
    {
        await using var host = await SlackHost.StartAsync();
        var first = Callback("Ev0RETRIED1", Mention("<@U0BOT0001> top this week", "1700000000.000300"));

        var responses = new[]
        {
            await host.EventAsync(first),
            await host.EventAsync(first),
            await host.EventAsync(Callback("Ev0SECOND01", Mention("<@U0BOT0001> trends", "1700000000.000400"))),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await host.Api.WaitForAsync("chat.postMessage", 2);
        var handled = host.App.Logs.Entries.Where(e => e["EventId"] is string).Select(e => (string)e["EventId"]!).ToList();
        Assert.Equal(["Ev0RETRIED1", "Ev0SECOND01"], handled.Order());
        Assert.Equal(["1700000000.000300", "1700000000.000400"],
            host.Api.Calls.Where(c => c.Method == "chat.postMessage").Select(c => (string)c.Json!["thread_ts"]!).Order());
    }

    [Fact]
    public async Task DropsTheRetry_WhenItReachesAnotherHostOfTheSameDatabase()
    {
        var database = Path.Combine(Path.GetTempPath(), $"pulse-web-{Guid.NewGuid():N}.db");
        await using var first = await SlackHost.StartAsync(("Storage:SqlitePath", database));
        await using var second = await SlackHost.StartAsync(("Storage:SqlitePath", database));
        var mention = Callback("Ev0TWOHOSTS", Mention("<@U0BOT0001> top this week", "1700000000.000800"));

        await first.EventAsync(mention);
        var retry = await second.EventAsync(mention);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        await first.Api.WaitForAsync("chat.postMessage");
        Assert.Contains(first.App.Logs.Entries, e => e["EventId"] is "Ev0TWOHOSTS");
        Assert.DoesNotContain(second.App.Logs.Entries, e => e["EventId"] is "Ev0TWOHOSTS");
    }

    [Fact]
    public async Task AnswersADirectMessageButNotABotMessage_WhenMessagesArriveInTheAppsDm()
    {
        await using var host = await SlackHost.StartAsync();
        JsonObject Dm(string text, string ts, string? botId) => new()
        {
            ["type"] = "message", ["channel_type"] = "im", ["channel"] = "D0DM00001", ["user"] = "U0ANA0001",
            ["text"] = text, ["ts"] = ts, ["bot_id"] = botId,
        };

        await host.EventAsync(Callback("Ev0BOTMSG01", Dm("Top customer pain points this week", "1700000000.000500", "B0BOT0001")));
        await host.EventAsync(Callback("Ev0HUMAN001", Dm("what's rising this month?", "1700000000.000600", null)));

        var reply = await host.Api.WaitForAsync("chat.postMessage");
        Assert.Equal(("D0DM00001", "1700000000.000600"), ((string?)reply.Json!["channel"], (string?)reply.Json!["thread_ts"]));
        Assert.Contains("Friction trends this month", SlackHost.Texts(reply.Json["blocks"]));
        Assert.Contains(host.App.Logs.Entries, e => e["EventId"] is "Ev0HUMAN001");
        Assert.DoesNotContain(host.App.Logs.Entries, e => e["EventId"] is "Ev0BOTMSG01");
    }

    [Fact]
    public async Task PublishesRecentCapturesAndTopThemes_WhenAppHomeIsOpened()
    {
        await using var host = await SlackHost.StartAsync();
        await host.CommandAsync("SSO setup took us a week customer:Initech #sso-setup");
        await host.CommandAsync("Someone else's quote customer:Hooli #other", user: "U0BEN0002");

        await host.EventAsync(Callback("Ev0HOME0001", new JsonObject { ["type"] = "app_home_opened", ["user"] = "U0ANA0001", ["channel"] = "D0DM00001", ["tab"] = "home" }));

        var publish = await host.Api.WaitForAsync("views.publish");
        var blocks = publish.Json!["view"]!["blocks"]!.AsArray();
        var texts = SlackHost.Texts(blocks);
        var recent = SlackHost.Texts(new JsonArray([.. blocks.TakeWhile(b => (string?)b!["type"] != "divider").Select(b => b!.DeepClone())]));
        Assert.Equal("U0ANA0001", (string?)publish.Json["user_id"]);
        Assert.Equal("home", (string?)publish.Json["view"]!["type"]);
        Assert.Contains("Your recent captures", texts);
        Assert.Contains("SSO setup took us a week", recent);
        Assert.DoesNotContain("Someone else's quote", recent);
        Assert.Contains("Top customer pain points this week", texts);
        Assert.Contains("#sso-setup", texts);
    }

    [Fact]
    public async Task DoesNothing_WhenTheEventComesFromAnUnknownTeam()
    {
        await using var host = await SlackHost.StartAsync();

        var response = await host.EventAsync(Callback("Ev0STRANGER", Mention("<@U0BOT0001> top", "1700000000.000700"), team: "TOTHER999"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(host.App.Logs.Entries, e => e["TeamId"] is "TOTHER999");
        Assert.DoesNotContain(host.App.Logs.Entries, e => e["EventId"] is "Ev0STRANGER");
    }
}
