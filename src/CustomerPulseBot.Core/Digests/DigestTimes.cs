using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Digests;

/// <summary>
/// When a subscription's digests fall due, as instants. The same rule is handed to the scheduler as a cron
/// expression in the subscription's zone; both read local times across DST the way Hangfire's Cronos does
/// (<see cref="Zones.At"/>): a time the clocks skip fires when they jump past it, a time they repeat fires at its
/// first occurrence.
/// </summary>
public static class DigestTimes
{
    /// <summary>Minute, hour and days of the week, read in the subscription's time zone.</summary>
    public static string Cron(Subscription subscription) =>
        $"{subscription.At.Minute} {subscription.At.Hour} * * " + subscription.Cadence switch
        {
            DigestCadence.Daily => "*",
            DigestCadence.Weekdays => "1-5",
            DigestCadence.Weekly => ((int)(subscription.Day ?? DayOfWeek.Monday)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => throw new ArgumentOutOfRangeException(nameof(subscription), subscription.Cadence, null),
        };

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public static DateTimeOffset Next(Subscription subscription, DateTimeOffset after) =>
        Occurrences(subscription, LocalDay(subscription, after).AddDays(-1), 1).First(at => at > after);

    /// <summary>The latest occurrence at or before <paramref name="atOrBefore"/>: the one a run at that moment delivers.</summary>
    public static DateTimeOffset Latest(Subscription subscription, DateTimeOffset atOrBefore) =>
        Occurrences(subscription, LocalDay(subscription, atOrBefore).AddDays(1), -1).First(at => at <= atOrBefore);

    /// <summary>How far the first digest of a new subscription looks back: one cadence.</summary>
    public static TimeSpan FirstLookBack(Subscription subscription) =>
        subscription.Cadence == DigestCadence.Weekly ? TimeSpan.FromDays(7) : TimeSpan.FromDays(1);

    private static DateOnly LocalDay(Subscription subscription, DateTimeOffset at) => Zones.DayOf(at, subscription.Zone);

    // Ten days in either direction always hold a weekly occurrence, whatever DST does to the edges.
    private static IEnumerable<DateTimeOffset> Occurrences(Subscription subscription, DateOnly from, int step) =>
        Enumerable.Range(0, 10)
            .Select(i => from.AddDays(i * step))
            .Where(day => subscription.Cadence switch
            {
                DigestCadence.Daily => true,
                DigestCadence.Weekdays => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday),
                _ => day.DayOfWeek == (subscription.Day ?? DayOfWeek.Monday),
            })
            .Select(day => Zones.At(day, subscription.At, subscription.Zone));
}
