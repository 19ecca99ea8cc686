using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage.Tests;

/// <summary>The event receipts table (migration 0005), the same on SQLite and PostgreSQL.</summary>
public abstract class EventReceiptsContractTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-03-02T10:00:00Z");

    protected abstract IEventReceipts Receipts { get; }

    [Fact]
    public async Task RecordsAnEventOnce_WhenItIsDeliveredAgain()
    {
        var team = $"T{Guid.NewGuid():N}";

        var first = await Receipts.TryRecordEventAsync(Platform.Slack, team, "Ev1", At, CancellationToken.None);
        var again = await Receipts.TryRecordEventAsync(Platform.Slack, team, "Ev1", At.AddMinutes(1), CancellationToken.None);
        var otherTeam = await Receipts.TryRecordEventAsync(Platform.Slack, team + "X", "Ev1", At, CancellationToken.None);

        Assert.Equal((true, false, true), (first, again, otherTeam));
    }

    [Fact]
    public async Task ForgetsOnlyOlderEvents_WhenCleanedUp()
    {
        var team = $"T{Guid.NewGuid():N}";
        var old = DateTimeOffset.Parse("2001-01-01T00:00:00Z");
        await Receipts.TryRecordEventAsync(Platform.Slack, team, "EvOld", old, CancellationToken.None);
        await Receipts.TryRecordEventAsync(Platform.Slack, team, "EvNew", old.AddDays(2), CancellationToken.None);

        await Receipts.ForgetEventsAsync(old.AddDays(1), CancellationToken.None);

        Assert.True(await Receipts.TryRecordEventAsync(Platform.Slack, team, "EvOld", old, CancellationToken.None));
        Assert.False(await Receipts.TryRecordEventAsync(Platform.Slack, team, "EvNew", old, CancellationToken.None));
    }

    [Fact]
    public async Task RecordsAnEventAgainAndNoOther_WhenItWasForgotten()
    {
        var conversation = $"a:{Guid.NewGuid():N}";
        await Receipts.TryRecordEventAsync(Platform.Teams, conversation, "1001", At, CancellationToken.None);
        await Receipts.TryRecordEventAsync(Platform.Teams, conversation, "1002", At, CancellationToken.None);
        await Receipts.TryRecordEventAsync(Platform.Slack, conversation, "1001", At, CancellationToken.None);

        await Receipts.ForgetEventAsync(Platform.Teams, conversation, "1001", CancellationToken.None);

        Assert.Equal(
            (true, false, false),
            (await Receipts.TryRecordEventAsync(Platform.Teams, conversation, "1001", At, CancellationToken.None),
             await Receipts.TryRecordEventAsync(Platform.Teams, conversation, "1002", At, CancellationToken.None),
             await Receipts.TryRecordEventAsync(Platform.Slack, conversation, "1001", At, CancellationToken.None)));
    }
}
