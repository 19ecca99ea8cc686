using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Tests.Digests;

/// <summary>When digests fall due, in local time, across the DST changes of 2026 and 2027.</summary>
public sealed class DigestTimesTests
{
    public static TheoryData<string, string, string, string> NextOccurrences => new()
    {
        // zone, schedule, after (UTC), expected next (UTC)
        { "Europe/Berlin", "daily 09:00", "2026-03-28T09:00:00Z", "2026-03-29T07:00:00Z" },      // summer time starts 29 Mar: 09:00 is 07:00 UTC
        { "Europe/Berlin", "daily 09:00", "2026-10-24T08:00:00Z", "2026-10-25T08:00:00Z" },      // winter time from 25 Oct: 08:00 UTC
        { "Europe/Berlin", "daily 02:30", "2026-03-28T12:00:00Z", "2026-03-29T01:00:00Z" },      // 02:30 does not exist that night: fires at 03:00 CEST
        { "Europe/Berlin", "daily 02:30", "2026-10-24T12:00:00Z", "2026-10-25T00:30:00Z" },      // 02:30 happens twice: the first one (CEST)
        { "America/New_York", "weekdays 08:30", "2026-03-06T13:30:00Z", "2026-03-09T12:30:00Z" }, // Fri EST → Mon EDT (DST from 8 Mar)
        { "America/New_York", "weekly mon 09:00", "2026-10-27T00:00:00Z", "2026-11-02T14:00:00Z" }, // EST from 1 Nov
        { "Australia/Sydney", "daily 07:00", "2026-04-04T12:00:00Z", "2026-04-04T21:00:00Z" },    // AEST from 5 Apr 03:00: 07:00 is 21:00 UTC
        { "Australia/Sydney", "daily 07:00", "2026-10-03T12:00:00Z", "2026-10-03T20:00:00Z" },    // AEDT from 4 Oct: 20:00 UTC
        { "Asia/Kolkata", "daily 09:00", "2026-03-28T00:00:00Z", "2026-03-28T03:30:00Z" },        // no DST, half-hour offset
        { "UTC", "weekly sun 18:00", "2026-12-02T11:00:00Z", "2026-12-06T18:00:00Z" },
        { "Europe/Berlin", "weekly mon 09:00", "2027-03-22T08:00:00Z", "2027-03-29T07:00:00Z" },  // the 2027 change (28 Mar)
    };

    [Theory]
    [MemberData(nameof(NextOccurrences))]
    public void FallsDueAtTheLocalTime_AcrossDaylightSavingChanges(string zone, string schedule, string after, string expected)
    {
        var subscription = Subscribe(zone, schedule);

        var next = DigestTimes.Next(subscription, DateTimeOffset.Parse(after));

        Assert.Equal(DateTimeOffset.Parse(expected), next);
    }

    [Theory]
    [MemberData(nameof(NextOccurrences))]
    public void LatestDue_IsTheOccurrenceARunAtThatMomentDelivers(string zone, string schedule, string after, string expected)
    {
        var subscription = Subscribe(zone, schedule);
        var occurrence = DateTimeOffset.Parse(expected);

        Assert.Equal(occurrence, DigestTimes.Latest(subscription, occurrence));
        Assert.Equal(occurrence, DigestTimes.Latest(subscription, occurrence + TimeSpan.FromMinutes(30))); // a late or retried run
        Assert.True(DigestTimes.Latest(subscription, occurrence - TimeSpan.FromTicks(1)) < occurrence);
        _ = after;
    }

    [Theory]
    [InlineData("daily 09:00", "0 9 * * *")]
    [InlineData("weekdays 08:30", "30 8 * * 1-5")]
    [InlineData("weekly fri 17:05", "5 17 * * 5")]
    [InlineData("weekly sun 07:00", "0 7 * * 0")]
    public void GivesTheSchedulerACronOfTheSameRule(string schedule, string cron)
    {
        Assert.Equal(cron, DigestTimes.Cron(Subscribe("Europe/Berlin", schedule)));
    }

    [Fact]
    public void SkipsWeekends_ForAWeekdaySchedule()
    {
        var subscription = Subscribe("Europe/Berlin", "weekdays 08:30");
        var friday = DateTimeOffset.Parse("2026-12-04T08:00:00Z"); // Friday 09:00 Berlin, after 08:30

        Assert.Equal(DateTimeOffset.Parse("2026-12-07T07:30:00Z"), DigestTimes.Next(subscription, friday));
    }

    private static Subscription Subscribe(string zone, string schedule)
    {
        var command = Assert.IsType<DigestCommand>(CommandParser.Parse($"digest {schedule} {zone}", new DateOnly(2026, 12, 2), DayOfWeek.Monday));
        var request = Assert.IsType<DigestScheduleRequest>(command.Request);
        return new Subscription(
            Guid.NewGuid(), SubscriptionKind.Digest, new WorkspaceId(Guid.NewGuid()), Platform.Slack, "C1", request.Cadence, request.Day, request.At,
            request.TimeZone!, request.Filters, request.SkipEmpty, "U1", DateTimeOffset.UnixEpoch);
    }
}
