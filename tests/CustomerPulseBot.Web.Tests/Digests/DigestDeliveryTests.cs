using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.TestKit.Slack;
using CustomerPulseBot.Web.Tests.Slack;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPulseBot.Web.Tests.Digests;

/// <summary>
/// Scheduled digests through real Hangfire (in memory, beside SQLite) to the fake Slack API: each occurrence
/// is posted once, whatever fails, retries or dies on the way.
/// </summary>
public sealed class DigestDeliveryTests
{
    private const string Channel = "C0CHAN001";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task PostsOnceAndRecordsTheFailedAttempt_WhenSlackFailsOnceAndTheRetryGetsThrough()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2027-01-11T07:30:00Z")); // 08:30 in Berlin
        await using var host = await SlackHost.StartAsync(clock, HangfireDriver.ManualRuns);
        var jobs = new HangfireDriver(host.App.Services);
        await host.CommandAsync("Exports time out after two minutes customer:Acme");
        var subscription = await SubscribeAsync(host, "digest daily 09:00 Europe/Berlin");
        clock.SetUtcNow(DateTimeOffset.Parse("2027-01-11T08:00:05Z"));
        host.Api.AnswerNext("chat.postMessage", 500, "upstream failure");

        var run = jobs.Trigger(subscription.JobId);
        var retry = await jobs.WaitForStateAsync(run, "Scheduled");
        var failed = await DeliveryAsync(host, subscription);
        jobs.Requeue(run);
        await jobs.WaitForStateAsync(run, "Succeeded");

        var posts = Posts(host.Api, Channel);
        Assert.Equal(2, posts.Count); // the first was answered 500 and not shown; the retry's arrived
        Assert.All(posts, post => Assert.Contains("Exports time out after two minutes", post));
        Assert.Contains("Retry attempt 1 of 5", retry.Reason);
        Assert.Equal((1, false), (failed.Attempts, failed.Delivered));
        Assert.Contains("http_500", failed.LastError);
        var delivered = await DeliveryAsync(host, subscription);
        Assert.Equal((2, true), (delivered.Attempts, delivered.Delivered));
    }

    [Fact]
    public async Task GivesUpAfterTheAttemptTimeoutAndReleasesTheClaim_WhenSlackAnswersAfterTheClientGaveUp()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2027-01-11T07:30:00Z"));
        await using var host = await SlackHost.StartAsync(clock, HangfireDriver.ManualRuns);
        var jobs = new HangfireDriver(host.App.Services);
        await host.CommandAsync("Exports time out after two minutes customer:Acme");
        var subscription = await SubscribeAsync(host, "digest daily 09:00 Europe/Berlin");
        clock.SetUtcNow(DateTimeOffset.Parse("2027-01-11T08:00:05Z"));
        host.Api.HoldNext("chat.postMessage", new TaskCompletionSource().Task); // Slack posts it, and answers only after the client gave up

        var run = jobs.Trigger(subscription.JobId);
        await host.Api.WaitForAsync("chat.postMessage");
        clock.Advance(TimeSpan.FromSeconds(15)); // Outbound:AttemptTimeout's default passes on the app's clock
        var retry = await jobs.WaitForStateAsync(run, "Scheduled");
        var released = await DeliveryAsync(host, subscription);

        jobs.Requeue(run);
        await jobs.WaitForStateAsync(run, "Succeeded");

        Assert.Contains("Retry attempt 1 of 5", retry.Reason);
        Assert.Equal((1, false), (released.Attempts, released.Delivered)); // released for the retry, which looks before posting
        Assert.StartsWith("TimeoutRejectedException: ", released.LastError);
        Assert.Single(Posts(host.Api, Channel));
        Assert.Equal((2, true), ((await DeliveryAsync(host, subscription)).Attempts, (await DeliveryAsync(host, subscription)).Delivered));
        Assert.Single(host.Api.Calls, c => c.Method == "conversations.history");
    }

    [Fact]
    public async Task FindsThePostOfARunThatDiedBeforeRecordingIt_WhenItsClaimHasLapsed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2027-01-11T07:30:00Z"));
        await using var host = await SlackHost.StartAsync(clock, HangfireDriver.ManualRuns);
        var jobs = new HangfireDriver(host.App.Services);
        await host.CommandAsync("The SSO setup page does not match the Okta docs customer:Umbrella");
        var subscription = await SubscribeAsync(host, "digest daily 09:00 Europe/Berlin");
        clock.SetUtcNow(DateTimeOffset.Parse("2027-01-11T08:00:05Z"));
        var now = clock.GetUtcNow();
        var until = DigestTimes.Latest(subscription, now);
        await host.App.Services.GetRequiredService<IDigestStore>().ClaimDeliveryAsync(subscription.WorkspaceId, subscription.JobId, until, now, now + PostOnce.Lease, None);
        var poster = host.App.Services.GetServices<IChatPoster>().Single(p => p.Platform == Core.Workspaces.Platform.Slack);
        await poster.PostAsync(subscription.WorkspaceId, subscription.Destination, new Core.Views.NoticeView("Customer pulse", "the dead run's digest"),
            new DeliveryTag(subscription.JobId, until, MayHavePosted: false), None); // posted, then the run died before recording it

        clock.Advance(PostOnce.Lease + TimeSpan.FromSeconds(1));
        await RunAsync(jobs, subscription);

        Assert.Single(Posts(host.Api, Channel));
        Assert.Equal((2, true), ((await DeliveryAsync(host, subscription)).Attempts, (await DeliveryAsync(host, subscription)).Delivered));
    }

    [Fact]
    public async Task PostsWhatADeadRunClaimed_WhenItsClaimHasLapsed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2027-01-11T07:30:00Z"));
        await using var host = await SlackHost.StartAsync(clock, HangfireDriver.ManualRuns);
        var jobs = new HangfireDriver(host.App.Services);
        await host.CommandAsync("The SSO setup page does not match the Okta docs customer:Umbrella");
        var subscription = await SubscribeAsync(host, "digest daily 09:00 Europe/Berlin");
        clock.SetUtcNow(DateTimeOffset.Parse("2027-01-11T08:00:05Z"));
        var now = clock.GetUtcNow();
        var claim = await host.App.Services.GetRequiredService<IDigestStore>().ClaimDeliveryAsync(
            subscription.WorkspaceId, subscription.JobId, DigestTimes.Latest(subscription, now), now, now + PostOnce.Lease, None);

        var run = jobs.Trigger(subscription.JobId);
        var held = await jobs.WaitForStateAsync(run, "Scheduled");
        var postsWhileHeld = Posts(host.Api, Channel);
        clock.Advance(PostOnce.Lease + TimeSpan.FromSeconds(1));
        jobs.Requeue(run);
        await jobs.WaitForStateAsync(run, "Succeeded");

        Assert.Equal(DeliveryClaim.Claimed, claim); // the run that then died before posting
        Assert.Contains("Another run holds", held.Reason);
        Assert.Empty(postsWhileHeld);
        Assert.Contains("The SSO setup page does not match the Okta docs", Assert.Single(Posts(host.Api, Channel)));
    }

    [Fact]
    public async Task PutsEverySignalInExactlyOneDigest_WhenItIsCapturedAroundMidnight()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2027-01-10T12:00:00Z"));
        await using var host = await SlackHost.StartAsync(clock, HangfireDriver.ManualRuns);
        var jobs = new HangfireDriver(host.App.Services);
        var subscription = await SubscribeAsync(host, "digest daily 00:00 Europe/Berlin");
        var midnight = DateTimeOffset.Parse("2027-01-11T00:00:00+01:00");
        (string Quote, TimeSpan FromMidnight)[] signals =
        [
            ("Billing page shows last month quote one", TimeSpan.FromSeconds(-1)),
            ("Billing page shows last month quote two", TimeSpan.Zero),
            ("Billing page shows last month quote three", TimeSpan.FromSeconds(1)),
        ];

        foreach (var (quote, offset) in signals.Where(s => s.FromMidnight <= TimeSpan.Zero))
        {
            clock.SetUtcNow(midnight + offset);
            await host.CommandAsync($"{quote} customer:Acme");
        }

        await RunAsync(jobs, subscription);
        clock.SetUtcNow(midnight + signals[2].FromMidnight);
        await host.CommandAsync($"{signals[2].Quote} customer:Acme");
        clock.SetUtcNow(midnight.AddDays(1));
        await RunAsync(jobs, subscription);

        var digests = Posts(host.Api, Channel);
        Assert.Equal(2, digests.Count);
        Assert.All(signals, signal => Assert.Single(digests, digest => digest.Contains(signal.Quote)));
        Assert.Contains(signals[0].Quote, digests[0]);
        Assert.Contains(signals[2].Quote, digests[1]);
    }

    [Fact]
    public async Task SendsEachCapturerOneDirectMessage_AndNothingMoreWhenTheJobRunsAgain()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2027-01-11T09:00:00Z"));
        await using var host = await SlackHost.StartAsync(clock, HangfireDriver.ManualRuns);
        host.Api.MakeAdmin("U0ANA0001"); // marking a theme shipped is an admin's
        await host.CommandAsync("Exports time out after two minutes customer:Acme #export-timeouts", user: "U0ANA0001");
        await host.CommandAsync("Excel export spins forever customer:Globex #export-timeouts", user: "U0ANA0001");
        await host.CommandAsync("The CSV export dies at fifty thousand rows customer:Initech #export-timeouts", user: "U0BEN0002");
        await host.CommandAsync("The dashboard takes forty seconds customer:Hooli #slow-dashboard", user: "U0CAL0003");
        clock.Advance(TimeSpan.FromHours(1));

        var ack = SlackHost.Texts((await SlackHost.JsonAsync(await host.CommandAsync("theme ship export-timeouts streaming exports")))["blocks"]);
        var first = await host.App.Logs.WaitForAsync(e => e.Message.StartsWith("Ship notices for export-timeouts", StringComparison.Ordinal));
        var workspace = await host.WorkspaceAsync();
        host.App.Services.GetRequiredService<IDigestSchedule>().QueueShipNotices(workspace.Id, "export-timeouts");
        var again = await host.App.Logs.WaitForAsync(e => e.Message.StartsWith("Ship notices for export-timeouts", StringComparison.Ordinal) && e != first);

        Assert.Contains("gets a direct message", ack);
        Assert.Equal((2, 0), (first["Sent"], again["Sent"]));
        var messages = host.Api.Calls.Where(c => c.Method == "chat.postMessage").ToList();
        Assert.Equal(["U0ANA0001", "U0BEN0002"], messages.Select(m => (string?)m.Json?["channel"]).Order());
        var toAna = SlackHost.Texts(messages.Single(m => (string?)m.Json?["channel"] == "U0ANA0001").Json?["blocks"]);
        Assert.Contains("Exports time out after two minutes", toAna);
        Assert.Contains("Excel export spins forever", toAna);
        Assert.DoesNotContain("fifty thousand rows", toAna);
    }

    [Fact]
    public async Task SendsTheLeaderTheirBriefAsADirectMessage_WhenTheBriefFallsDue()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2027-01-08T09:00:00Z")); // a Friday
        await using var host = await SlackHost.StartAsync(clock, HangfireDriver.ManualRuns);
        var jobs = new HangfireDriver(host.App.Services);
        await host.CommandAsync("Exports time out after two minutes customer:Acme kind:pain #export-timeouts");
        await host.CommandAsync("Excel export spins forever customer:Globex kind:pain #export-timeouts");
        var ack = SlackHost.Texts((await SlackHost.JsonAsync(await host.CommandAsync("brief weekly mon 08:00 Europe/Berlin", user: "U0LEAD001")))["blocks"]);
        var brief = await host.App.Services.GetRequiredService<IDigestStore>().FindSubscriptionAsync(
            (await host.WorkspaceAsync()).Id, Core.Commands.SubscriptionKind.Brief, "U0LEAD001", None);
        clock.SetUtcNow(DateTimeOffset.Parse("2027-01-11T07:00:30Z")); // Monday 08:00 in Berlin

        await RunAsync(jobs, brief!);
        await RunAsync(jobs, brief!); // the same occurrence again: nothing more

        Assert.Contains("Brief scheduled", ack);
        Assert.Contains("direct message", ack);
        var sent = Assert.Single(Posts(host.Api, "U0LEAD001"));
        Assert.Contains("Your weekly brief", sent);
        Assert.Contains("export-timeouts", sent);
        Assert.Contains("Exports time out after two minutes", sent);
        Assert.Empty(Posts(host.Api, Channel)); // a brief goes to the person, not the channel they asked in
    }

    private static async Task<Subscription> SubscribeAsync(SlackHost host, string command)
    {
        await host.CommandAsync(command);
        return await TestSubscription.InChannelAsync(host, Channel);
    }

    /// <summary>The recurring job's run at the clock's time, as its schedule would start it, to its end.</summary>
    private static async Task RunAsync(HangfireDriver jobs, Subscription subscription) =>
        await jobs.WaitForStateAsync(jobs.Trigger(subscription.JobId), "Succeeded");

    /// <summary>What was posted into the channel, as a person would read each post.</summary>
    private static List<string> Posts(FakeSlackApi api, string channel) =>
        [.. api.Calls.Where(c => c.Method == "chat.postMessage" && (string?)c.Json?["channel"] == channel).Select(c => SlackHost.Texts(c.Json?["blocks"]))];

    /// <summary>The occurrence's row in the deliveries table, read straight from the SQLite file.</summary>
    private static async Task<(long Attempts, bool Delivered, string LastError)> DeliveryAsync(SlackHost host, Subscription subscription)
    {
        await using var connection = new SqliteConnection($"Data Source={host.App.SqliteFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT attempts, delivered_at IS NOT NULL, coalesce(last_error, '') FROM deliveries WHERE key = $key";
        command.Parameters.AddWithValue("$key", subscription.JobId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var row = (reader.GetInt64(0), reader.GetBoolean(1), reader.GetString(2));
        Assert.False(await reader.ReadAsync());
        return row;
    }
}
