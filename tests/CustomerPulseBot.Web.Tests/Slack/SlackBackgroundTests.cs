using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Slack.Workspaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Moq;

namespace CustomerPulseBot.Web.Tests.Slack;

/// <summary>The work Slack requests leave to the background queue: when it fails, when the queue is full, and at shutdown.</summary>
public sealed class SlackBackgroundTests
{
    [Fact]
    public async Task ApologisesInTheThreadWithTheQuestionAndTheLoggedId_WhenAnsweringAMentionFails()
    {
        await using var host = await SlackHost.StartAsync();
        host.Api.AnswerNext("chat.postMessage", 200, """{"ok":false,"error":"internal_error"}""");

        await host.EventAsync(SlackEventTests.Callback("Ev0FAILING1", SlackEventTests.Mention("<@U0BOT0001> what is rising this month?", "1700000000.001000")));

        var apology = await host.Api.WaitForAsync("chat.postMessage", 2);
        Assert.Equal(("C0CHAN001", "1700000000.001000"), ((string?)apology.Json!["channel"], (string?)apology.Json["thread_ts"]));
        var texts = SlackHost.Texts(apology.Json["blocks"]);
        Assert.Contains("what is rising this month?", texts);
        var failure = Assert.Single(host.App.Logs.Entries, e => e.Level == LogLevel.Error && e["CorrelationId"] is string);
        Assert.Contains((string)failure["CorrelationId"]!, texts);
    }

    [Fact]
    public async Task KeepsDoingTheNextWork_WhenForgettingADeadTokenFailsToo()
    {
        await using var host = await SlackHost.StartAsync(
            services => services.AddSingleton(provider => RemovalsFail((IInstallationStore)provider.GetRequiredService<IPulseStore>())),
            ("Slack:ClientId", "cid.123"), ("Slack:ClientSecret", "csecret"), ("Slack:RedirectUrl", "https://bot.example.com/slack/oauth/callback"));
        var installation = new Installation(Platform.Slack, "TDEAD0001", null, false, "", "U0BOT0001", "commands", "U0ADMIN01", DateTimeOffset.UtcNow);
        await host.App.Services.GetRequiredService<SlackWorkspaces>().SaveAsync(installation, "xoxb-dead", CancellationToken.None);
        host.Api.AnswerNext("chat.postMessage", 200, """{"ok":false,"error":"invalid_auth"}""");

        await host.EventAsync(SlackEventTests.Callback("Ev0DEAD0001", SlackEventTests.Mention("<@U0BOT0001> top", "1700000000.001100"), team: "TDEAD0001"));
        var failure = await host.App.Logs.WaitForAsync(e => e.Level == LogLevel.Error && e["Work"] is "app_mention");
        await host.EventAsync(SlackEventTests.Callback("Ev0DEAD0002", SlackEventTests.Mention("<@U0BOT0001> trends", "1700000000.001200"), team: "TDEAD0001"));

        await host.Api.WaitForAsync("chat.postMessage", 3);
        Assert.Contains(host.Api.Calls, c => c.Method == "chat.postMessage" && (string?)c.Json!["thread_ts"] == "1700000000.001200");
        Assert.False(host.App.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        Assert.IsType<string>(failure["CorrelationId"]);
    }

    [Fact]
    public async Task TellsThePersonItIsBusyWithTheirQuestion_WhenTheQueueIsFull()
    {
        await using var host = await SlackHost.StartAsync(("Slack:QueueCapacity", "1"));
        var release = new TaskCompletionSource();
        for (var i = 0; i < Workers; i++)
        {
            host.Api.HoldNext("chat.postMessage", release.Task);
            await host.EventAsync(SlackEventTests.Callback($"Ev0BUSY{i:D4}", SlackEventTests.Mention("<@U0BOT0001> top", $"1700000000.00{i:D4}")));
        }

        await host.Api.WaitForAsync("chat.postMessage", Workers);
        await host.EventAsync(SlackEventTests.Callback("Ev0QUEUED01", SlackEventTests.Mention("<@U0BOT0001> trends", "1700000001.000001")));
        await host.EventAsync(SlackEventTests.Callback("Ev0REFUSED1", SlackEventTests.Mention("<@U0BOT0001> what is rising this month?", "1700000001.000002")));
        release.SetResult();

        await host.Api.WaitForAsync("chat.postMessage", Workers + 2);
        var posts = host.Api.Calls.Where(c => c.Method == "chat.postMessage").ToList();
        Assert.Contains(posts, p => (string?)p.Json!["thread_ts"] == "1700000001.000001" && SlackHost.Texts(p.Json["blocks"]).Contains("Friction trends"));
        var busy = Assert.Single(posts, p => (string?)p.Json!["thread_ts"] == "1700000001.000002");
        Assert.Contains("too busy", SlackHost.Texts(busy.Json!["blocks"]));
        Assert.Contains("what is rising this month?", SlackHost.Texts(busy.Json["blocks"]));
        Assert.Contains(host.App.Logs.Entries, e => e.Level == LogLevel.Warning && e["Work"] is "app_mention" && e["Capacity"] is 1);
    }

    [Fact]
    public async Task FinishesTheQueuedWork_WhenTheHostStops()
    {
        await using var host = await SlackHost.StartAsync();
        var release = new TaskCompletionSource();
        const int Queued = 4;
        for (var i = 0; i < Workers + Queued; i++)
        {
            host.Api.HoldNext("chat.postMessage", release.Task);
            await host.EventAsync(SlackEventTests.Callback($"Ev0STOP{i:D4}", SlackEventTests.Mention("<@U0BOT0001> top", $"1700000000.00{i:D4}")));
        }

        await host.Api.WaitForAsync("chat.postMessage", Workers);
        var lifetime = host.App.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopped = new TaskCompletionSource();
        lifetime.ApplicationStopped.Register(() => stopped.TrySetResult());

        lifetime.StopApplication();
        var finishing = await host.App.Logs.WaitForAsync(e => e["Count"] is Queued);
        release.SetResult();
        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("before stopping", finishing.Message);
        Assert.Equal(Workers + Queued, host.Api.Calls.Count(c => c.Method == "chat.postMessage"));
    }

    /// <summary>The background worker's parallelism: with this many Slack calls held, the next work waits in the queue.</summary>
    private const int Workers = 8;

    /// <summary>The real installations, except that removing one fails, as when the database goes away at that moment.</summary>
    private static IInstallationStore RemovalsFail(IInstallationStore real)
    {
        var store = new Mock<IInstallationStore>();
        store.Setup(s => s.FindInstallationAsync(It.IsAny<Platform>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((Platform platform, string id, CancellationToken ct) => real.FindInstallationAsync(platform, id, ct));
        store.Setup(s => s.SaveInstallationAsync(It.IsAny<Installation>(), It.IsAny<CancellationToken>()))
            .Returns((Installation installation, CancellationToken ct) => real.SaveInstallationAsync(installation, ct));
        store.Setup(s => s.RemoveInstallationAsync(It.IsAny<Platform>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TimeoutException("The database did not answer"));
        return store.Object;
    }
}
