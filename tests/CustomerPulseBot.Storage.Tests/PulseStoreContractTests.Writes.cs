using System.Data.Common;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage.Tests;

/// <summary>
/// Captures under contention, on both databases: many at once, some failing, some given up while they wait. SQLite
/// queues them for its one writer and commits them together; PostgreSQL runs each as one command.
/// </summary>
public abstract partial class PulseStoreContractTests
{
    /// <summary>The theme that <see cref="HoldWritesAsync"/> holds back captures naming, on either database.</summary>
    protected const string HeldTheme = "held-back";

    /// <summary>
    /// Makes the store's captures that name <see cref="HeldTheme"/> in <paramref name="workspace"/> wait until the
    /// hold is disposed, as another writer would: SQLite's file lock held by another connection, PostgreSQL's
    /// theme inserted by a transaction still open.
    /// </summary>
    protected abstract Task<WriteHold> HoldWritesAsync(Workspace workspace);

    [Fact]
    public async Task StoresEveryCaptureAndCreatesEachThemeOnce_WhenManyArriveAtOnce()
    {
        var workspace = await NewWorkspaceAsync();
        await AddAsync(workspace, NewSignal(workspace, "seed", themes: ["known"]));
        var signals = Enumerable.Range(0, 48)
            .Select(i => (Theme: $"new-{i % 4}", Signal: NewSignal(workspace, $"capture {i}", customer: $"Acme {i % 5}", themes: ["known", $"new-{i % 4}"])))
            .ToList();

        var created = await Task.WhenAll(signals.Select(s => Store.AddSignalAsync(workspace.Id, s.Signal, ct)));

        foreach (var (theme, signal) in signals)
        {
            Assert.Equal(["known", theme], (await Store.GetSignalAsync(workspace.Id, signal.Id, ct))?.Themes);
        }

        Assert.Equal(49, await Store.CountSignalsAsync(workspace.Id, Everything, ct));
        Assert.Equal(["new-0", "new-1", "new-2", "new-3"], created.SelectMany(c => c).Order());
        Assert.Equal(["known", "new-0", "new-1", "new-2", "new-3"], (await Store.GetThemesAsync(workspace.Id, ct)).Select(t => t.Name));
    }

    [Fact]
    public async Task StoresNothingOfACapture_WhenItsRowFailsAfterItsNewTheme()
    {
        var workspace = await NewWorkspaceAsync();
        var first = NewSignal(workspace, "first", themes: ["known"]);
        await AddAsync(workspace, first);

        var again = await Record.ExceptionAsync(() => Store.AddSignalAsync(workspace.Id, first with { Themes = ["never-made"] }, ct));

        Assert.IsAssignableFrom<DbException>(again);
        Assert.Equal(["known"], (await Store.GetThemesAsync(workspace.Id, ct)).Select(t => t.Name));
        Assert.Equal(["known"], (await Store.GetSignalAsync(workspace.Id, first.Id, ct))?.Themes);
        Assert.Equal(1, await Store.CountSignalsAsync(workspace.Id, Everything, ct));
    }

    [Fact]
    public async Task StoresTheOtherCaptures_WhenOneOfThoseWaitingTogetherFails()
    {
        var workspace = await NewWorkspaceAsync();
        var first = NewSignal(workspace, "first");
        await AddAsync(workspace, first);
        var before = NewSignal(workspace, "before", themes: [HeldTheme]);
        var after = NewSignal(workspace, "after", themes: [HeldTheme]);

        Task<IReadOnlyList<string>>[] waiting;
        await using (var hold = await HoldWritesAsync(workspace))
        {
            waiting =
            [
                Store.AddSignalAsync(workspace.Id, before, ct),
                Store.AddSignalAsync(workspace.Id, first with { Themes = [HeldTheme] }, ct), // the same id again
                Store.AddSignalAsync(workspace.Id, after, ct),
            ];
            await hold.UntilWaitingAsync(waiting.Length);
        }

        var failed = await Record.ExceptionAsync(() => waiting[1]);
        await Task.WhenAll(waiting[0], waiting[2]);

        Assert.IsAssignableFrom<DbException>(failed);
        Assert.Equal([HeldTheme], (await Store.GetSignalAsync(workspace.Id, before.Id, ct))?.Themes);
        Assert.Equal([HeldTheme], (await Store.GetSignalAsync(workspace.Id, after.Id, ct))?.Themes);
        Assert.Empty((await Store.GetSignalAsync(workspace.Id, first.Id, ct))!.Themes); // stored before, untouched
        Assert.Equal(3, await Store.CountSignalsAsync(workspace.Id, Everything, ct));
    }

    [Fact]
    public async Task StoresNothing_WhenACaptureIsCancelledWhileItWaits()
    {
        var workspace = await NewWorkspaceAsync();
        var givenUp = NewSignal(workspace, "given up", themes: [HeldTheme]);
        var next = NewSignal(workspace, "sent next", themes: [HeldTheme]);
        using var cancel = new CancellationTokenSource();

        Task<IReadOnlyList<string>> waiting;
        await using (var hold = await HoldWritesAsync(workspace))
        {
            waiting = Store.AddSignalAsync(workspace.Id, givenUp, cancel.Token);
            await hold.UntilWaitingAsync(1);
            await cancel.CancelAsync();
            var refused = await Record.ExceptionAsync(() => waiting);
            // Still queued (SQLite's writer), it was never sent: cancelled. On PostgreSQL the capture is one command,
            // its own commit, already sent: the caller stops waiting without knowing, and is told so (unconfirmed).
            Assert.True(refused is OperationCanceledException || (refused is Core.SaveUnconfirmedException && Store is PostgresPulseStore), $"{refused}");
            await hold.UntilNoneWaitsAsync(); // the server has cancelled it before the hold lets go
        }

        var created = await Store.AddSignalAsync(workspace.Id, next, ct);

        Assert.Equal([HeldTheme], created);
        Assert.Null(await Store.GetSignalAsync(workspace.Id, givenUp.Id, ct));
        Assert.Equal([next.Id], (await Store.FindSignalsAsync(workspace.Id, Everything, 10, ct)).Select(s => s.Id));
    }
}

/// <summary>Another writer in the way of the store's captures (<see cref="PulseStoreContractTests.HoldWritesAsync"/>), until disposed.</summary>
public abstract class WriteHold : IAsyncDisposable
{
    /// <summary>Returns once <paramref name="count"/> captures wait behind the hold.</summary>
    public abstract Task UntilWaitingAsync(int count);

    /// <summary>Returns once no capture waits behind the hold any more (a cancelled one has reached the database).</summary>
    public virtual Task UntilNoneWaitsAsync() => Task.CompletedTask;

    public abstract ValueTask DisposeAsync();
}
