using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.TestKit;
using CustomerPulseBot.TestKit.Slack;
using CustomerPulseBot.Web.Digests;
using CustomerPulseBot.Web.Tests.Slack;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPulseBot.Web.Tests.Digests;

/// <summary>Hosts sharing one PostgreSQL database, and with it Hangfire's schedule and queue.</summary>
[Collection(PostgresDatabase.Name)]
public sealed class PostgresDigestJobTests(PostgresFixture postgres)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task PostsOnce_WhenTwoServersRunTheSameOccurrenceAtOnce()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2027-01-11T08:00:20Z")); // 09:00:20 in Berlin
        await using var slack = await FakeSlackApi.StartAsync();
        await using var hostA = Host(clock, [.. SlackHost.Settings(slack), ("Hangfire:WorkerCount", "1"), ("Hangfire:ServerName", "host-a")]);
        await using var hostB = Host(clock, [.. SlackHost.Settings(slack), ("Hangfire:WorkerCount", "1"), ("Hangfire:ServerName", "host-b")]);
        var (a, b) = (new HangfireDriver(hostA.Services), new HangfireDriver(hostB.Services));
        var workspace = await hostA.Services.GetRequiredService<IPulseStore>().ResolveWorkspaceAsync(Platform.Slack, SlackHost.Team, "alpha", None);
        var channel = $"C{Guid.NewGuid():N}";
        var subscription = await SubscribeAsync(hostA.Services, TestSubscription.Parse("digest daily 09:00 Europe/Berlin", workspace.Id, channel));
        var release = new TaskCompletionSource();
        slack.HoldNext("chat.postMessage", release.Task); // the first run is still posting when the second claims

        string[] runs = await Task.WhenAll(Task.Run(() => a.Trigger(subscription.JobId)), Task.Run(() => b.Trigger(subscription.JobId)));
        await slack.WaitForAsync("chat.postMessage");
        var (waiting, held) = await a.WaitForAnyAsync(runs, "Scheduled");
        release.SetResult();
        var posting = runs.Single(id => id != waiting);
        await a.WaitForStateAsync(posting, "Succeeded");
        b.Requeue(waiting);
        await b.WaitForStateAsync(waiting, "Succeeded");

        Assert.Single(slack.Calls, c => c.Method == "chat.postMessage" && (string?)c.Json?["channel"] == channel);
        Assert.Contains("Another run holds", held.Reason);
        Assert.Equal(["host-a", "host-b"], runs.Select(id => b.ServersThatRan(id)[0]).Order());
    }

    [Fact]
    public async Task AddsMissingJobsAndRemovesDigestJobsWithoutASubscription_WhenAHostStarts()
    {
        Subscription kept, missing, deleted, ghost;
        var other = $"other:{Guid.NewGuid():N}";
        await using (var before = Host(new FakeTimeProvider(DateTimeOffset.Parse("2027-01-11T10:00:00Z")), []))
        {
            var services = before.Services;
            var digests = services.GetRequiredService<IDigestStore>();
            var workspace = await services.GetRequiredService<IPulseStore>().ResolveWorkspaceAsync(Platform.Slack, $"T{Guid.NewGuid():N}", "sync", None);
            kept = await SubscribeAsync(services, TestSubscription.Parse("digest daily 09:00 Europe/Berlin", workspace.Id, "C0KEPT001"));
            missing = await digests.SaveSubscriptionAsync(TestSubscription.Parse("digest weekly fri 16:00 Australia/Sydney", workspace.Id, "C0MISS001"), None);
            deleted = await SubscribeAsync(services, TestSubscription.Parse("digest weekdays 08:30 America/New_York", workspace.Id, "C0GONE001"));
            await digests.RemoveSubscriptionAsync(workspace.Id, SubscriptionKind.Digest, "C0GONE001", None); // its job is left behind
            ghost = TestSubscription.Parse("digest daily 07:00 UTC", workspace.Id, "C0GHOST01");
            services.GetRequiredService<IDigestSchedule>().Schedule(ghost); // a job whose subscription never existed
            services.GetRequiredService<IRecurringJobManager>().AddOrUpdate(other, () => Console.WriteLine("not a digest"), Cron.Daily());
        }

        await using var after = Host(new FakeTimeProvider(DateTimeOffset.Parse("2027-01-11T10:00:00Z")), []);

        var jobs = new HangfireDriver(after.Services);
        var ids = jobs.RecurringIds();
        Assert.Contains(kept.JobId, ids);
        Assert.Equal(("0 16 * * 5", "Australia/Sydney"), (jobs.Recurring(missing.JobId)?.Cron, jobs.Recurring(missing.JobId)?.TimeZoneId));
        Assert.DoesNotContain(deleted.JobId, ids);
        Assert.DoesNotContain(ghost.JobId, ids);
        Assert.Contains(other, ids);
    }

    [Fact]
    public async Task SchedulesASubscriptionWhoseScheduleCallFailed_WhenTheScheduleIsNextReconciled()
    {
        await using var host = Host(new FakeTimeProvider(DateTimeOffset.Parse("2027-01-11T10:00:00Z")), []);
        var services = host.Services;
        var jobs = new HangfireDriver(services);
        var workspace = await services.GetRequiredService<IPulseStore>().ResolveWorkspaceAsync(Platform.Slack, $"T{Guid.NewGuid():N}", "reconcile", None);
        var unscheduled = await services.GetRequiredService<IDigestStore>().SaveSubscriptionAsync(
            TestSubscription.Parse("digest weekdays 08:30 America/New_York", workspace.Id, "C0FAIL001"), None); // the schedule call then failed
        var ghost = TestSubscription.Parse("digest daily 07:00 UTC", workspace.Id, "C0GHOST02");
        services.GetRequiredService<IDigestSchedule>().Schedule(ghost); // a job whose subscription was never saved
        var before = jobs.Recurring(unscheduled.JobId);

        await jobs.WaitForStateAsync(jobs.Trigger(DigestScheduleSyncJob.Id), "Succeeded");

        Assert.Null(before);
        Assert.Equal(("30 8 * * 1-5", "America/New_York"), (jobs.Recurring(unscheduled.JobId)?.Cron, jobs.Recurring(unscheduled.JobId)?.TimeZoneId));
        Assert.Null(jobs.Recurring(ghost.JobId));
        Assert.Equal(DigestScheduleSyncJob.Cron, jobs.Recurring(DigestScheduleSyncJob.Id)?.Cron);
        // Every other subscription's job was in order since this host's start-up sync, and is left as it was.
        var synced = host.Logs.Entries.Last(e => e.Message.StartsWith("Digest schedule synchronised", StringComparison.Ordinal));
        Assert.Equal(1, synced["Scheduled"]);
        Assert.Equal(1, synced["Removed"]);
    }

    /// <summary>A started host on the shared database, on the test's clock, whose Hangfire runs only what the test triggers.</summary>
    private PulseAppFactory Host(FakeTimeProvider clock, (string Key, string? Value)[] settings)
    {
        var host = PulseAppFactory.Postgres(postgres.ConnectionString, [HangfireDriver.ManualRuns, .. settings])
            .WithServices(services => services.AddSingleton<TimeProvider>(clock));
        host.CreateClient().Dispose();
        return host;
    }

    private static async Task<Subscription> SubscribeAsync(IServiceProvider services, Subscription subscription)
    {
        var saved = await services.GetRequiredService<IDigestStore>().SaveSubscriptionAsync(subscription, None);
        services.GetRequiredService<IDigestSchedule>().Schedule(saved);
        return saved;
    }
}
