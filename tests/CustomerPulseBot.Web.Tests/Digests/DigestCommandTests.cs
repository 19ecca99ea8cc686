using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Web.Digests;
using CustomerPulseBot.Web.Tests.Slack;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPulseBot.Web.Tests.Digests;

/// <summary><c>/pulse digest ...</c> in Slack: the subscriptions table changes, and the recurring job follows it.</summary>
public sealed class DigestCommandTests
{
    private const string Channel = "C0CHAN001";

    [Fact]
    public async Task PostsTheDigestIntoTheChannelAtOnce_WhenDigestNowIsTyped()
    {
        await using var host = await SubscribedWithAQuoteAsync();

        var ack = SlackHost.Texts((await SlackHost.JsonAsync(await host.CommandAsync("digest now")))["blocks"]);

        Assert.Contains("Digest sent", ack);
        var post = Assert.Single(host.Api.Calls, c => c.Method == "chat.postMessage");
        Assert.Equal(Channel, (string?)post.Json?["channel"]);
        Assert.Contains("Exports time out after two minutes", SlackHost.Texts(post.Json?["blocks"]));
    }

    [Fact]
    public async Task SaysItWasNotSentAndKeepsTheQuotesForTheNextOne_WhenSlackFailsDigestNow()
    {
        await using var host = await SubscribedWithAQuoteAsync();
        host.Api.AnswerNext("chat.postMessage", 500, "upstream trouble");

        var failed = await host.CommandAsync("digest now");
        var retried = SlackHost.Texts((await SlackHost.JsonAsync(await host.CommandAsync("digest now")))["blocks"]);

        Assert.Equal(System.Net.HttpStatusCode.OK, failed.StatusCode);
        Assert.Contains("nothing was lost", SlackHost.Texts((await SlackHost.JsonAsync(failed))["blocks"]));
        Assert.Contains("Digest sent", retried);
        var posts = host.Api.Calls.Where(c => c.Method == "chat.postMessage").ToList();
        Assert.Equal(2, posts.Count); // the failed try and the one that went through
        Assert.Contains("Exports time out after two minutes", SlackHost.Texts(posts[1].Json?["blocks"]));
    }

    [Fact]
    public async Task ReschedulesTheSubscriptionsRecurringJob_WhenTheScheduleChanges_AndRemovesIt_WhenSwitchedOff()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2027-01-11T10:00:00Z"));
        await using var host = await SlackHost.StartAsync(clock, HangfireDriver.ManualRuns);
        var jobs = new HangfireDriver(host.App.Services);

        var daily = await host.CommandAsync("digest daily 09:00 Europe/Berlin");
        var subscription = await TestSubscription.InChannelAsync(host, Channel);
        var first = jobs.Recurring(subscription.JobId);
        var weekly = SlackHost.Texts((await SlackHost.JsonAsync(await host.CommandAsync("digest weekly mon 08:00")))["blocks"]);
        var second = jobs.Recurring(subscription.JobId);
        var off = SlackHost.Texts((await SlackHost.JsonAsync(await host.CommandAsync("digest off")))["blocks"]);

        Assert.Contains("Digest scheduled", SlackHost.Texts((await SlackHost.JsonAsync(daily))["blocks"]));
        Assert.Equal(("0 9 * * *", "Europe/Berlin"), (first?.Cron, first?.TimeZoneId));
        Assert.Equal((typeof(DigestJob), nameof(DigestJob.RunAsync)), (first?.Job.Type, first?.Job.Method.Name));
        Assert.Equal([subscription.Id], first?.Job.Args);
        Assert.Contains("Digest schedule changed", weekly);
        Assert.Contains("your time zone (America/New_York)", weekly); // the fake users.info gives the person's zone
        Assert.Equal(("0 8 * * 1", "America/New_York"), (second?.Cron, second?.TimeZoneId));
        Assert.Contains("Digest switched off", off);
        Assert.Null(jobs.Recurring(subscription.JobId));
        Assert.DoesNotContain(jobs.RecurringIds(), id => id.StartsWith(Subscription.JobIdPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SchedulesTheMissingJob_WhenAnotherHostStartsOnTheSameDatabase()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2027-01-11T10:00:00Z"));
        await using var first = await SlackHost.StartAsync(clock, HangfireDriver.ManualRuns);
        await first.CommandAsync("digest weekdays 08:30 Asia/Kolkata");
        var subscription = await TestSubscription.InChannelAsync(first, Channel);

        await using var second = await SlackHost.StartAsync(clock, HangfireDriver.ManualRuns, ("Storage:SqlitePath", first.App.SqliteFile));

        var job = new HangfireDriver(second.App.Services).Recurring(subscription.JobId);
        Assert.Equal(("30 8 * * 1-5", "Asia/Kolkata"), (job?.Cron, job?.TimeZoneId));
    }

    [Fact]
    public async Task ShowsTheDigestItWouldPost_WhenDigestNowIsTypedInThePlayground()
    {
        await using var app = PulseAppFactory.Sqlite();
        var playground = new PlaygroundClient(app);

        var scheduled = await playground.SayAsync("digest daily 09:00 Europe/Berlin");
        await playground.SayAsync("Exports time out every Monday customer:Acme kind:pain #export-timeouts");
        var now = await playground.SayAsync("digest now");
        var again = await playground.SayAsync("digest now");

        Assert.True(scheduled.Shows("Digest scheduled"));
        Assert.True(now.Shows("Customer pulse"));
        Assert.True(now.Shows("Exports time out every Monday"));
        Assert.True(again.Shows("Exports time out every Monday")); // a preview records no delivery, so it moves nothing on
    }

    /// <summary>A channel with a daily digest and one quote captured a minute before the clock stops.</summary>
    private static async Task<SlackHost> SubscribedWithAQuoteAsync()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2027-01-11T10:00:00Z"));
        var host = await SlackHost.StartAsync(clock, HangfireDriver.ManualRuns);
        await host.CommandAsync("Exports time out after two minutes customer:Acme #export-timeouts");
        await host.CommandAsync("digest daily 09:00 Europe/Berlin");
        clock.Advance(TimeSpan.FromMinutes(1));
        return host;
    }
}
