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
    public async Task AnswersAtOnceAndPostsTheDigestInTheBackground_WhenDigestNowIsTyped()
    {
        await using var host = await SubscribedWithAQuoteAsync();
        var slackAnswers = new TaskCompletionSource();
        host.Api.HoldNext("chat.postMessage", slackAnswers.Task);

        var ack = await TextAsync(host, "digest now"); // answered while Slack has not answered the post
        var post = await host.Api.WaitForAsync("chat.postMessage");
        slackAnswers.SetResult();
        await PostedAsync(host);

        Assert.Contains("Digest on its way", ack);
        Assert.Equal(Channel, (string?)post.Json?["channel"]);
        Assert.Contains("Exports time out after two minutes", SlackHost.Texts(post.Json?["blocks"]));
        Assert.Single(host.Api.Calls, c => c.Method == "chat.postMessage");
    }

    [Fact]
    public async Task PostsOneDigest_WhenDigestNowIsTypedAgainWhileTheFirstIsBeingPosted()
    {
        await using var host = await SubscribedWithAQuoteAsync();
        var slackAnswers = new TaskCompletionSource();
        host.Api.HoldNext("chat.postMessage", slackAnswers.Task);

        var first = await TextAsync(host, "digest now");
        await host.Api.WaitForAsync("chat.postMessage");
        var second = await TextAsync(host, "digest now");
        slackAnswers.SetResult();
        await PostedAsync(host);

        Assert.Contains("Digest on its way", first);
        Assert.Contains("Digest already on its way", second);
        Assert.Contains("The one up to Mon 11 Jan at 11:01 is queued or being posted, so no second one was queued.", second);
        Assert.Single(host.Api.Calls, c => c.Method == "chat.postMessage");
    }

    [Fact]
    public async Task ShowsTheFailureInStatusAndPostsOnTheRetry_WhenSlackFailsDigestNow()
    {
        await using var host = await SubscribedWithAQuoteAsync();
        var jobs = new HangfireDriver(host.App.Services);
        host.Api.AnswerNext("chat.postMessage", 500, "upstream trouble");

        var ack = await TextAsync(host, "digest now");
        var retry = await jobs.WaitForRetryAsync(nameof(DigestJob.RunNowAsync));
        var failed = await TextAsync(host, "digest status");
        jobs.Requeue(retry);
        await jobs.WaitForStateAsync(retry, "Succeeded");
        var recovered = await TextAsync(host, "digest status");

        Assert.Contains("Digest on its way", ack);
        Assert.Contains(
            ":warning: The one up to Mon 11 Jan at 11:01 has not arrived: the last try failed (SlackApiException: Slack chat.postMessage failed: http_500)",
            failed);
        Assert.Contains("the last one covered up to Mon 11 Jan at 11:01.", recovered);
        Assert.DoesNotContain(":warning:", recovered);
        Assert.Single(host.Api.Messages(Channel)); // the first try was answered 500 and posted nothing
        Assert.Contains("Exports time out after two minutes", SlackHost.Texts(host.Api.Calls.Last(c => c.Method == "chat.postMessage").Json?["blocks"]));
    }

    [Theory]
    [InlineData("invalid_auth", "the app's token stopped working: reinstall the app.")]
    [InlineData("token_revoked", "the app's token stopped working: reinstall the app.")]
    [InlineData("account_inactive", "the app's token stopped working: reinstall the app.")]
    [InlineData("channel_not_found", "the app cannot post there any more: add it to the channel again.")]
    public async Task SaysWhatToDoInStatusAndFailsTheJob_WhenSlackRefusesTheDigest(string error, string advice)
    {
        await using var host = await SubscribedWithAQuoteAsync();
        var jobs = new HangfireDriver(host.App.Services);
        host.Api.AnswerNext("chat.postMessage", 200, $$"""{"ok":false,"error":"{{error}}"}""");

        await host.CommandAsync("digest now");
        var retry = await jobs.WaitForRetryAsync(nameof(DigestJob.RunNowAsync));
        var status = await TextAsync(host, "digest status");
        var again = await TextAsync(host, "digest now");

        Assert.Contains($":warning: The one up to Mon 11 Jan at 11:01 has not arrived: {advice}", status);
        Assert.Contains($"Its last try failed: {advice}", again);
        Assert.StartsWith("Not posted: ", jobs.History(retry).First(state => state.StateName == "Failed").Data["ExceptionMessage"]); // not Succeeded
        Assert.Empty(host.Api.Messages(Channel));
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

    private static async Task<string> TextAsync(SlackHost host, string command) =>
        SlackHost.Texts((await SlackHost.JsonAsync(await host.CommandAsync(command).WaitAsync(TimeSpan.FromSeconds(30))))["blocks"]);

    /// <summary>The delivery's outcome, logged once the post is recorded.</summary>
    private static Task PostedAsync(SlackHost host) =>
        host.App.Logs.WaitForAsync(e => Equals(e["Outcome"], DigestOutcome.Posted));

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
