using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPulseBot.Core.Tests.Workspaces;

/// <summary>The one zone lookup, its fallback order, "today", and the DST rule, on the zones' 2026 clock changes.</summary>
public sealed class ZonesTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static TheoryData<string, string, string, string> LocalTimes => new()
    {
        // zone, day, local time, the instant it names
        { "Europe/Berlin", "2026-03-29", "02:30", "2026-03-29T01:00:00Z" },    // skipped (02:00 → 03:00): the jump, 03:00 CEST
        { "Europe/Berlin", "2026-03-29", "02:00", "2026-03-29T01:00:00Z" },    // the first skipped minute moves as far
        { "Europe/Berlin", "2026-10-25", "02:30", "2026-10-25T00:30:00Z" },    // repeated (03:00 → 02:00): the first, in CEST
        { "Europe/Berlin", "2026-10-25", "03:00", "2026-10-25T02:00:00Z" },    // after the repeat: CET only
        { "America/New_York", "2026-03-08", "02:15", "2026-03-08T07:00:00Z" }, // skipped: 03:00 EDT
        { "America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30:00Z" }, // repeated: the first, in EDT
        { "Australia/Sydney", "2026-10-04", "02:30", "2026-10-03T16:00:00Z" }, // skipped in the southern spring: 03:00 AEDT
        { "Australia/Sydney", "2026-04-05", "02:30", "2026-04-04T15:30:00Z" }, // repeated in the southern autumn: the first, AEDT
        { "Asia/Kolkata", "2026-03-29", "02:30", "2026-03-28T21:00:00Z" },     // no DST
    };

    [Theory]
    [MemberData(nameof(LocalTimes))]
    public void MovesASkippedTimeToTheJumpAndTakesTheFirstOfARepeatedOne(string zone, string day, string time, string instant)
    {
        var at = Zones.At(DateOnly.Parse(day), TimeOnly.Parse(time), TimeZoneInfo.FindSystemTimeZoneById(zone));

        Assert.Equal(DateTimeOffset.Parse(instant), at);
    }

    [Theory]
    [InlineData("America/Havana", "2026-11-01", "2026-11-01T04:00:00Z")]   // midnight repeats (01:00 → 00:00): the day starts at the first
    [InlineData("America/Havana", "2026-03-08", "2026-03-08T05:00:00Z")]   // midnight is skipped: the day starts at 01:00 CDT
    [InlineData("America/Santiago", "2026-09-06", "2026-09-06T04:00:00Z")] // midnight is skipped: 01:00 -03
    [InlineData("Europe/Berlin", "2026-03-29", "2026-03-28T23:00:00Z")]    // an ordinary midnight, hours before the change
    public void StartsTheDayAtItsFirstLocalMinute_WhenTheClocksChangeAtMidnight(string zone, string day, string instant)
    {
        var start = Zones.StartOf(DateOnly.Parse(day), TimeZoneInfo.FindSystemTimeZoneById(zone));

        Assert.Equal(DateTimeOffset.Parse(instant), start);
    }

    [Theory]
    [InlineData("Asia/Tokyo", "Europe/Berlin", "Asia/Tokyo")]
    [InlineData(null, "Europe/Berlin", "Europe/Berlin")]
    [InlineData("", "Europe/Berlin", "Europe/Berlin")]
    [InlineData("Mars/Olympus", "Europe/Berlin", "Europe/Berlin")]
    [InlineData("Mars/Olympus", "Europe/Berlim", "UTC")]
    [InlineData(null, null, "UTC")]
    [InlineData("asia/tokyo", "Europe/Berlin", "Asia/Tokyo")]
    public void TakesThePersonsZone_ThenTheWorkspaces_ThenUtc(string? person, string? workspace, string expected)
    {
        var zone = Zones.For(person, workspace);

        Assert.Equal(expected, zone.Id);
    }

    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData("europe/berlin", "Europe/Berlin")]
    [InlineData("  America/New_York ", "America/New_York")]
    [InlineData("UTC", "UTC")]
    public void FindsTheZoneAsTheSystemSpellsIt_WhenTheIdIsAnIanaIdInAnyCase(string typed, string id)
    {
        Assert.Equal(id, Zones.Find(typed)?.Id);
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("Europe/Berlim")]
    [InlineData("New York")]
    [InlineData("../../etc/passwd")]
    [InlineData("")]
    [InlineData(null)]
    public void FindsNothing_WhenNoZoneHasTheId(string? typed)
    {
        Assert.Null(Zones.Find(typed));
    }

    [Fact]
    public void ReadsAWindowsIdAsItsIanaZone_WhereTheRuntimeCanConvertIt()
    {
        // Conversion needs ICU, which invariant globalization (this build's setting) leaves out on Linux: there the
        // id is refused like any unknown one, never read as some other zone.
        var convertible = TimeZoneInfo.TryConvertWindowsIdToIanaId("W. Europe Standard Time", out _);

        var zone = Zones.Find("W. Europe Standard Time");

        Assert.Equal(convertible ? "Europe/Berlin" : null, zone?.Id);
    }

    [Theory]
    [InlineData("2026-11-23T22:59:00Z", "Europe/Berlin", "2026-11-23")]
    [InlineData("2026-11-23T23:00:00Z", "Europe/Berlin", "2026-11-24")]
    [InlineData("2026-11-23T23:00:00Z", "UTC", "2026-11-23")]
    [InlineData("2026-11-24T04:00:00Z", "America/Los_Angeles", "2026-11-23")]
    [InlineData("2026-11-23T10:00:00Z", "Pacific/Kiritimati", "2026-11-24")]
    public void SaysWhatDayItIsInTheZone_ByTheInjectedClock(string now, string zone, string today)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(now));

        Assert.Equal(DateOnly.Parse(today), Zones.Today(clock, TimeZoneInfo.FindSystemTimeZoneById(zone)));
    }

    [Fact]
    public void BuildsAContextInThePersonsZone_ElseTheWorkspaces()
    {
        var workspace = new Workspace(WorkspaceId.New(), Platform.Teams, "tenant", "Acme", DayOfWeek.Monday, "Europe/Berlin", DateTimeOffset.UnixEpoch);
        var user = new ChatUser("U1", "Ana");

        var theirs = ChatContext.For(workspace, user, "C1", "Asia/Tokyo");
        var unknown = ChatContext.For(workspace, user, "C1", "Mars/Olympus");
        var told = ChatContext.For(workspace, user, "C1").InPersonZone("America/New_York");

        Assert.Equal("Asia/Tokyo", theirs.TimeZone.Id);
        Assert.Equal(Berlin, unknown.TimeZone);
        Assert.Equal("America/New_York", told.TimeZone.Id);
        Assert.Equal(Berlin, told.InPersonZone(null).TimeZone);
    }
}
