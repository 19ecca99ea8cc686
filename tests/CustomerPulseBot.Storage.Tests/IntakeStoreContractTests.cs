using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Exchange;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Workspaces;
using static CustomerPulseBot.Storage.Tests.PulseStoreContractTests;

namespace CustomerPulseBot.Storage.Tests;

/// <summary>Batches, idempotency keys and pages for the API (migration 0012), the same on SQLite and PostgreSQL.</summary>
public abstract class IntakeStoreContractTests
{
    private static readonly SignalFilter Everything = new();
    private readonly CancellationToken ct = CancellationToken.None;

    protected abstract IPulseStore Store { get; }

    private IIntakeStore Intake => (IIntakeStore)Store;

    [Fact]
    public async Task StoresWhatCapturesOneAtATimeStore_WhenTheSignalsComeAsOneBatch()
    {
        var one = await PreparedWorkspaceAsync();
        var batch = await PreparedWorkspaceAsync();

        var captured = new List<string>();
        foreach (var signal in Mixed(one))
        {
            captured.AddRange(await Store.AddSignalAsync(one.Id, signal, ct));
        }

        var outcome = await Intake.AddSignalsAsync(batch.Id, Mixed(batch), null, ct);

        Assert.Equal(["exports", "brand-new", "sso"], captured);
        Assert.Equal(captured, outcome.CreatedThemes);
        Assert.Null(outcome.Earlier);
        Assert.Equal(await ReadableAsync(one), await ReadableAsync(batch));
    }

    [Fact]
    public async Task StoresNothing_WhenOneSignalOfTheBatchCannotBeStored()
    {
        var workspace = await NewWorkspaceAsync();
        var stored = NewSignal(workspace, "already here", themes: ["exports"]);
        await Store.AddSignalAsync(workspace.Id, stored, ct);
        IReadOnlyList<Signal> signals =
        [
            NewSignal(workspace, "fine", customer: "Initech", themes: ["brand-new"]),
            NewSignal(workspace, "same id as a stored one") with { Id = stored.Id },
        ];

        var error = await Record.ExceptionAsync(() => Intake.AddSignalsAsync(workspace.Id, signals, Request("k1"), ct));

        Assert.NotNull(error);
        Assert.Equal(1, await Store.CountSignalsAsync(workspace.Id, Everything, ct));
        Assert.Equal(["exports"], (await Store.GetThemesAsync(workspace.Id, ct)).Select(t => t.Name));
        Assert.Empty((await Store.GetCustomerStatsAsync(workspace.Id, Everything, 10, ct)).Customers);
        Assert.Null(await Intake.FindAnswerAsync(workspace.Id, "k1", ct));
    }

    [Fact]
    public async Task GivesTheFirstAnswerAndStoresNothing_WhenAKeyComesAgain()
    {
        var workspace = await NewWorkspaceAsync();
        var first = Request("key-1");

        var stored = await Intake.AddSignalsAsync(workspace.Id, [NewSignal(workspace, "first")], first, ct);
        var again = await Intake.AddSignalsAsync(
            workspace.Id, [NewSignal(workspace, "second"), NewSignal(workspace, "third")], first with { RequestHash = "other", Body = "{}" }, ct);

        var answer = new StoredAnswer(first.RequestHash, first.Status, first.Body, Now);
        Assert.Null(stored.Earlier);
        Assert.Equal(answer, again.Earlier);
        Assert.Empty(again.CreatedThemes);
        Assert.Equal(answer, await Intake.FindAnswerAsync(workspace.Id, "key-1", ct));
        Assert.Equal(["first"], (await Store.FindSignalsAsync(workspace.Id, Everything, 10, ct)).Select(s => s.Quote));
    }

    [Fact]
    public async Task StoresOnce_WhenTwoRequestsWithOneKeyComeAtOnce()
    {
        var workspace = await NewWorkspaceAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => Intake.AddSignalsAsync(
            workspace.Id, [NewSignal(workspace, $"try {i} a"), NewSignal(workspace, $"try {i} b")], Request("same"), ct))));

        Assert.Single(outcomes, o => o.Earlier is null);
        Assert.Equal(3, outcomes.Count(o => o.Earlier is not null));
        Assert.Equal(2, await Store.CountSignalsAsync(workspace.Id, Everything, ct));
    }

    [Fact]
    public async Task KeepsKeysApart_InTwoWorkspaces()
    {
        var mine = await NewWorkspaceAsync();
        var other = await NewWorkspaceAsync();
        await Intake.AddSignalsAsync(other.Id, [NewSignal(other, "theirs")], Request("shared"), ct);

        var outcome = await Intake.AddSignalsAsync(mine.Id, [NewSignal(mine, "mine")], Request("shared"), ct);

        Assert.Null(outcome.Earlier);
        Assert.Equal(1, await Store.CountSignalsAsync(mine.Id, Everything, ct));
    }

    [Fact]
    public async Task ForgetsOnlyOlderKeys_WhenCleanedUp()
    {
        var workspace = await NewWorkspaceAsync();
        await Intake.AddSignalsAsync(workspace.Id, [NewSignal(workspace, "kept a while")], Request("old"), ct);

        await Intake.ForgetAnswersAsync(Now, ct);
        var kept = await Intake.FindAnswerAsync(workspace.Id, "old", ct);
        var forgotten = await Intake.ForgetAnswersAsync(Now.AddMilliseconds(1), ct);

        Assert.NotNull(kept);
        Assert.True(forgotten >= 1);
        Assert.Null(await Intake.FindAnswerAsync(workspace.Id, "old", ct));
        Assert.Null((await Intake.AddSignalsAsync(workspace.Id, [NewSignal(workspace, "again")], Request("old"), ct)).Earlier);
    }

    [Fact]
    public async Task PagesNewestFirstWithoutShifting_WhenSignalsAreAddedBetweenPages()
    {
        var workspace = await NewWorkspaceAsync();
        var sameTime = Now.AddDays(-2);
        IReadOnlyList<Signal> signals =
        [
            NewSignal(workspace, "a", Now.AddDays(-1)), NewSignal(workspace, "b", sameTime), NewSignal(workspace, "c", sameTime),
            NewSignal(workspace, "d", sameTime), NewSignal(workspace, "e", Now.AddDays(-3)),
        ];
        await Intake.AddSignalsAsync(workspace.Id, signals, null, ct);
        var deleted = NewSignal(workspace, "deleted", sameTime);
        await Store.AddSignalAsync(workspace.Id, deleted, ct);
        await Store.DeleteSignalAsync(workspace.Id, deleted.Id, new ChatUser("U1", "Ana"), Now, ct);
        var expected = signals.OrderByDescending(s => s.SaidAt).ThenByDescending(s => s.Id).Select(s => s.Quote).ToList();

        var first = await Intake.ListSignalsAsync(workspace.Id, Everything, null, 2, ct);
        await Store.AddSignalAsync(workspace.Id, NewSignal(workspace, "newest", Now), ct);
        await Store.AddSignalAsync(workspace.Id, NewSignal(workspace, "meanwhile", Now.AddDays(-10)), ct);
        var second = await Intake.ListSignalsAsync(workspace.Id, Everything, first.Next, 2, ct);
        var third = await Intake.ListSignalsAsync(workspace.Id, Everything, second.Next, 2, ct);

        Assert.Equal(expected[..2], first.Items.Select(s => s.Quote));
        Assert.Equal(new SignalCursor(first.Items[1].SaidAt, first.Items[1].Id), first.Next);
        Assert.Equal(expected[2..4], second.Items.Select(s => s.Quote));
        Assert.Equal([expected[4], "meanwhile"], third.Items.Select(s => s.Quote));
        Assert.Null(third.Next);
    }

    [Fact]
    public async Task EndsWithoutACursor_WhenTheLastPageIsFull()
    {
        var workspace = await NewWorkspaceAsync();
        await Intake.AddSignalsAsync(workspace.Id, [NewSignal(workspace, "one"), NewSignal(workspace, "two", Now.AddDays(-1))], null, ct);

        var page = await Intake.ListSignalsAsync(workspace.Id, Everything, null, 2, ct);
        var empty = await Intake.ListSignalsAsync(workspace.Id, Everything with { Segment = "nobody" }, null, 2, ct);

        Assert.Equal(["one", "two"], page.Items.Select(s => s.Quote));
        Assert.Null(page.Next);
        Assert.Empty(empty.Items);
        Assert.Null(empty.Next);
    }

    [Fact]
    public async Task NarrowsByTheFilterAndKeepsTheOrder_WhenWordsAreAsked()
    {
        var workspace = await NewWorkspaceAsync();
        // The most relevant match is the oldest: the page still comes newest first.
        IReadOnlyList<Signal> signals =
        [
            NewSignal(workspace, "export export export fails", Now.AddDays(-5), customer: "Acme", themes: ["exports"]),
            NewSignal(workspace, "the nightly export of the whole board pack to spreadsheets timed out again", Now.AddDays(-1), customer: "Acme"),
            NewSignal(workspace, "login is slow", Now.AddDays(-2), customer: "Acme"),
            NewSignal(workspace, "export failed for them", Now.AddDays(-3), customer: "Globex"),
        ];
        await Intake.AddSignalsAsync(workspace.Id, signals, null, ct);

        var words = await Intake.ListSignalsAsync(workspace.Id, new SignalFilter(Text: "export", Customer: "ACME"), null, 1, ct);
        var next = await Intake.ListSignalsAsync(workspace.Id, new SignalFilter(Text: "export", Customer: "ACME"), words.Next, 1, ct);
        var theme = await Intake.ListSignalsAsync(
            workspace.Id, new SignalFilter(Range: new DateRange(Now.AddDays(-6), Now), Theme: "#Exports"), null, 10, ct);

        Assert.Equal([signals[1].Id], words.Items.Select(s => s.Id));
        Assert.Equal([signals[0].Id], next.Items.Select(s => s.Id));
        Assert.Null(next.Next);
        Assert.Equal([signals[0].Id], theme.Items.Select(s => s.Id));
    }

    /// <summary>A workspace where "billing" is an alias of the theme "invoices", and "Globex" was merged into "Acme".</summary>
    private async Task<Workspace> PreparedWorkspaceAsync()
    {
        var workspace = await NewWorkspaceAsync();
        await Store.AddSignalAsync(workspace.Id, NewSignal(workspace, "seed", Now.AddDays(-9), customer: "Acme", themes: ["invoices", "billing"]), ct);
        await Store.AddSignalAsync(workspace.Id, NewSignal(workspace, "seed 2", Now.AddDays(-10), customer: "Globex"), ct);
        var billing = (await Store.FindThemeAsync(workspace.Id, "billing", ct))!;
        var invoices = (await Store.FindThemeAsync(workspace.Id, "invoices", ct))!;
        await Store.MergeThemesAsync(workspace.Id, billing, invoices, ct);
        await Store.MergeCustomersAsync(workspace.Id, "Globex", "Acme", ct);
        return workspace;
    }

    /// <summary>Themes old, new, named twice in one batch and named with their alias; customers spelt anew, merged, blank or none.</summary>
    private static List<Signal> Mixed(Workspace workspace) =>
    [
        NewSignal(workspace, "exports hang", Now.AddDays(-1), customer: " ACME ", themes: ["exports", "invoices"]),
        NewSignal(workspace, "invoice totals wrong", Now.AddDays(-2), customer: "globex", themes: ["billing", "invoices", "brand-new"],
            severity: Severity.High, evidence: "https://example.com/call"),
        NewSignal(workspace, "sso breaks", Now.AddDays(-3), customer: "Initech", themes: ["sso", "exports"], kind: SignalKind.Request,
            segment: "enterprise"),
        NewSignal(workspace, "nobody said who", Now.AddDays(-4)),
        NewSignal(workspace, "blank customer", Now.AddDays(-5), customer: "  "),
        NewSignal(workspace, "initech again", Now.AddDays(-6), customer: "INITECH", themes: ["brand-new"]),
    ];

    /// <summary>Everything the store answers about a workspace, without ids.</summary>
    private async Task<string> ReadableAsync(Workspace workspace)
    {
        var signals = await Store.FindSignalsAsync(workspace.Id, Everything, 100, ct);
        var stats = await Store.GetThemeStatsAsync(workspace.Id, Everything, ct);
        var customers = await Store.GetCustomerStatsAsync(workspace.Id, Everything, 10, ct);
        var themes = await Store.GetThemesAsync(workspace.Id, ct);
        var searched = await Store.FindSignalsAsync(workspace.Id, new SignalFilter(Text: "initech"), 10, ct);
        var byCustomer = await Store.CountSignalsAsync(workspace.Id, new SignalFilter(Customer: "Acme"), ct);
        return string.Join("\n",
            string.Join("\n", signals.Select(s => $"{s.Quote}|{s.Customer}|{string.Join(',', s.Themes)}|{s.Severity}|{s.Segment}|{s.EvidenceUrl}|{s.SaidAt}")),
            string.Join("\n", stats),
            string.Join("\n", customers.Customers.Select(c => $"{c.Name}|{c.Signals}|{c.Latest.Quote}")),
            string.Join("\n", themes.Select(t => $"{t.Name}|{string.Join(',', t.Aliases)}")),
            string.Join("\n", searched.Select(s => s.Quote)),
            byCustomer);
    }

    private static IdempotentRequest Request(string key) => new(key, $"hash of {key}", 201, $$"""{"items":["{{key}}"]}""");

    private Task<Workspace> NewWorkspaceAsync() =>
        Store.ResolveWorkspaceAsync(Platform.Slack, $"T{Guid.NewGuid():N}", "intake", ct);
}
