using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Web.Digests;
using Hangfire;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.Server;
using Hangfire.Storage;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPulseBot.Web.Tests.Digests;

/// <summary>
/// When Hangfire fires what <see cref="HangfireDigestSchedule"/> registered: its own recurring job scheduler,
/// driven by a fake clock, reads the cron and time zone back from storage and enqueues each occurrence.
/// </summary>
public sealed class HangfireScheduleTests
{
    public static TheoryData<string, string, string, string[]> Schedules => new()
    {
        // zone, schedule, clock starts at (UTC), the local times it fires
        { "Europe/Berlin", "daily 09:00", "2027-03-26T12:00:00Z", ["2027-03-27 09:00 +01:00", "2027-03-28 09:00 +02:00", "2027-03-29 09:00 +02:00"] },
        { "Europe/Berlin", "daily 02:30", "2027-03-27T12:00:00Z", ["2027-03-28 03:00 +02:00", "2027-03-29 02:30 +02:00"] }, // 02:30 skipped: fires as clocks jump
        { "Europe/Berlin", "daily 02:30", "2027-10-30T12:00:00Z", ["2027-10-31 02:30 +02:00", "2027-11-01 02:30 +01:00"] }, // 02:30 twice: the first only
        { "Europe/Berlin", "weekly mon 09:00", "2026-10-13T00:00:00Z", ["2026-10-19 09:00 +02:00", "2026-10-26 09:00 +01:00"] },
        { "America/New_York", "weekdays 08:30", "2027-03-12T00:00:00Z", ["2027-03-12 08:30 -05:00", "2027-03-15 08:30 -04:00", "2027-03-16 08:30 -04:00"] },
        { "America/New_York", "weekdays 08:30", "2026-10-30T00:00:00Z", ["2026-10-30 08:30 -04:00", "2026-11-02 08:30 -05:00"] },
        { "America/New_York", "daily 02:30", "2026-03-07T12:00:00Z", ["2026-03-08 03:00 -04:00", "2026-03-09 02:30 -04:00"] },
        { "America/New_York", "daily 01:30", "2027-11-06T12:00:00Z", ["2027-11-07 01:30 -04:00", "2027-11-08 01:30 -05:00"] },
        { "Australia/Sydney", "weekly mon 09:00", "2027-03-27T00:00:00Z", ["2027-03-29 09:00 +11:00", "2027-04-05 09:00 +10:00"] },
        { "Australia/Sydney", "daily 02:30", "2026-10-03T00:00:00Z", ["2026-10-04 03:00 +11:00", "2026-10-05 02:30 +11:00"] },
        { "Australia/Sydney", "daily 02:30", "2027-04-03T00:00:00Z", ["2027-04-04 02:30 +11:00", "2027-04-05 02:30 +10:00"] },
        { "Asia/Kolkata", "daily 09:00", "2027-03-27T00:00:00Z", ["2027-03-27 09:00 +05:30", "2027-03-28 09:00 +05:30", "2027-03-29 09:00 +05:30"] },
        { "UTC", "weekdays 07:00", "2027-10-29T12:00:00Z", ["2027-11-01 07:00 +00:00", "2027-11-02 07:00 +00:00"] },
    };

    [Theory]
    [MemberData(nameof(Schedules))]
    public void FiresAtTheLocalTimesDigestTimesNames_AcrossDaylightSavingChanges(string zone, string schedule, string start, string[] expected)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(start));
        using var memory = new InMemoryStorage();
        var storage = new StorageOnTheTestClock(memory);
        DateTime Now() => clock.GetUtcNow().UtcDateTime;
        var subscription = TestSubscription.Parse($"digest {schedule} {zone}", WorkspaceId.New(), "C0CHAN001");
        new HangfireDigestSchedule(
            new RecurringJobManager(storage, JobFilterProviders.Providers, new DefaultTimeZoneResolver(), Now), new BackgroundJobClient(storage))
            .Schedule(subscription);
        var scheduler = new RecurringJobScheduler(
            new BackgroundJobFactory(JobFilterProviders.Providers), TimeSpan.FromMilliseconds(1), new DefaultTimeZoneResolver(), Now);

        var fired = new List<DateTimeOffset>();
        var predicted = new List<DateTimeOffset>();
        var enqueued = new List<Job>();
        foreach (var _ in expected)
        {
            predicted.Add(DigestTimes.Next(subscription, clock.GetUtcNow()));
            var due = new DateTimeOffset(DateTime.SpecifyKind(Registered(storage, subscription).NextExecution!.Value, DateTimeKind.Utc));
            clock.SetUtcNow(due);
            scheduler.Execute(new BackgroundProcessContext(
                "test", storage, new Dictionary<string, object>(), Guid.NewGuid(), CancellationToken.None, CancellationToken.None, CancellationToken.None));
            var recurring = Registered(storage, subscription);
            fired.Add(new DateTimeOffset(DateTime.SpecifyKind(recurring.LastExecution!.Value, DateTimeKind.Utc)));
            using var connection = storage.GetConnection();
            enqueued.Add(connection.GetJobData(recurring.LastJobId).Job);
        }

        var registered = Registered(storage, subscription);
        Assert.Equal((DigestTimes.Cron(subscription), zone), (registered.Cron, registered.TimeZoneId));
        Assert.Equal(expected, fired.Select(at => Local(at, subscription.Zone)));
        Assert.Equal(predicted, fired);
        Assert.All(enqueued, job => Assert.Equal((typeof(DigestJob), nameof(DigestJob.RunAsync)), (job.Type, job.Method.Name)));
        Assert.All(enqueued, job => Assert.Equal([subscription.Id], job.Args));
    }

    /// <summary>
    /// Hangfire's in-memory storage, minus its own clock: Hangfire's scheduler then reads the time from its
    /// nowFactory, the test's clock, as it does on storages that cannot tell the time.
    /// </summary>
    private sealed class StorageOnTheTestClock(InMemoryStorage storage) : JobStorage
    {
        public override bool LinearizableReads => storage.LinearizableReads;

        public override IMonitoringApi GetMonitoringApi() => storage.GetMonitoringApi();

        public override IStorageConnection GetConnection() => storage.GetConnection();

        public override bool HasFeature(string featureId) =>
            featureId != JobStorageFeatures.Connection.GetUtcDateTime && storage.HasFeature(featureId);
    }

    private static RecurringJobDto Registered(JobStorage storage, Subscription subscription)
    {
        using var connection = storage.GetConnection();
        return Assert.Single(connection.GetRecurringJobs([subscription.JobId]));
    }

    private static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture);
}
