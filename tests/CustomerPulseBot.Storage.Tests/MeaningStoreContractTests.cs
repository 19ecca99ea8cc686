using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Meaning;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Workspaces;
using static CustomerPulseBot.Storage.Tests.PulseStoreContractTests;

namespace CustomerPulseBot.Storage.Tests;

/// <summary>
/// What every <see cref="IMeaningStore"/> promises, on SQLite and PostgreSQL alike: vectors, suggested tags, merged
/// near-duplicates, and how rankings, trends and counts see them. Vectors are saved under a model name of each test's
/// own, since the backfill's reads span every workspace.
/// </summary>
public abstract class MeaningStoreContractTests
{
    private static readonly DateRange Week = new(Now.AddDays(-7), Now);
    private static readonly SignalFilter Everything = new();
    private readonly CancellationToken ct = CancellationToken.None;
    private readonly string model = $"test-model/{Guid.NewGuid():N}";

    protected abstract IPulseStore Store { get; }

    protected abstract IMeaningStore Meaning { get; }

    [Fact]
    public async Task ReadsRowsWithTheirVectors_OnlyOfTheModelAsked()
    {
        var workspace = await NewWorkspaceAsync();
        var tagged = NewSignal(workspace, "Exports time out", customer: "Acme ", themes: ["export-timeouts"]);
        var plain = NewSignal(workspace, "Dashboard is slow");
        await AddAsync(workspace, tagged, plain);

        await Meaning.SaveVectorsAsync([(workspace.Id, tagged.Id, [0.6f, 0.8f])], model, ct);
        await Meaning.SaveVectorsAsync([(workspace.Id, plain.Id, [1f, 0f])], "another-model", ct);
        var rows = await Meaning.GetMeaningRowsAsync(workspace.Id, model, ct);

        var row = Assert.Single(rows);
        Assert.Equal(
            (tagged.Id, "Exports time out", "Acme", "acme", tagged.SaidAt, (Guid?)null),
            (row.SignalId, row.Quote, row.Customer, row.CustomerKey, row.SaidAt, row.DuplicateOf));
        Assert.Equal([0.6f, 0.8f], row.Vector);
        Assert.Equal(["export-timeouts"], row.Themes);
        Assert.Empty(row.SuggestedThemes);
    }

    [Fact]
    public async Task PagesSignalsWithoutAVector_ByIdFromWhereItLeftOff()
    {
        var workspace = await NewWorkspaceAsync();
        var prefix = Guid.NewGuid().ToString("N")[..24];
        var signals = Enumerable.Range(1, 4)
            .Select(i => NewSignal(workspace, $"Quote {i}") with { Id = Guid.Parse($"{prefix}{i:x8}") })
            .ToList();
        await AddAsync(workspace, [.. signals]);
        var start = Guid.Parse($"{prefix}00000000");
        var before = await Meaning.CountSignalsWithoutVectorAsync(model, ct);

        await Meaning.SaveVectorsAsync([(workspace.Id, signals[1].Id, [1f, 0f])], model, ct);
        await Store.DeleteSignalAsync(workspace.Id, signals[2].Id, new ChatUser("U1", "Capturer"), Now, ct);
        var first = await Meaning.FindSignalsWithoutVectorAsync(model, start, 1, ct);
        var next = await Meaning.FindSignalsWithoutVectorAsync(model, first[^1].SignalId, 1, ct);
        var after = await Meaning.CountSignalsWithoutVectorAsync(model, ct);

        Assert.Equal(new PendingVector(workspace.Id, signals[0].Id, "Quote 1"), Assert.Single(first));
        Assert.Equal(new PendingVector(workspace.Id, signals[3].Id, "Quote 4"), Assert.Single(next));
        Assert.Equal(2, before - after); // one has a vector now, one is deleted
    }

    [Fact]
    public async Task ForgetsTheVector_WhenTheQuoteIsEdited()
    {
        var workspace = await NewWorkspaceAsync();
        var quote = NewSignal(workspace, "Exports time out");
        var other = NewSignal(workspace, "Dashboard is slow");
        await AddAsync(workspace, quote, other);
        await Meaning.SaveVectorsAsync([(workspace.Id, quote.Id, [1f, 0f]), (workspace.Id, other.Id, [0f, 1f])], model, ct);

        await Store.UpdateSignalAsync(workspace.Id, quote with { Quote = "Exports fail" }, ct);
        await Store.UpdateSignalAsync(workspace.Id, other with { Customer = "Acme" }, ct);

        Assert.Equal([other.Id], (await Meaning.GetMeaningRowsAsync(workspace.Id, model, ct)).Select(r => r.SignalId));
    }

    [Fact]
    public async Task CountsASuggestedTag_LikeAPersonsUntilItIsRemoved()
    {
        var workspace = await NewWorkspaceAsync();
        var quote = NewSignal(workspace, "Report download dies after a minute");
        var tagged = NewSignal(workspace, "Exports time out", themes: ["billing"]);
        await AddAsync(workspace, quote, tagged);
        await Meaning.SaveVectorsAsync([(workspace.Id, quote.Id, [1f, 0f]), (workspace.Id, tagged.Id, [0f, 1f])], model, ct);

        var gained = await Meaning.TagSignalsAsync(workspace.Id, [quote.Id, tagged.Id], "export-timeouts", suggested: true, ct);
        var stats = await Store.GetThemeStatsAsync(workspace.Id, Everything, ct);
        var rows = await Meaning.GetMeaningRowsAsync(workspace.Id, model, ct);
        var removed = await Meaning.UntagSignalAsync(workspace.Id, quote.Id, "export-timeouts", ct);
        var again = await Meaning.UntagSignalAsync(workspace.Id, quote.Id, "export-timeouts", ct);
        var afterwards = await Store.GetThemeStatsAsync(workspace.Id, Everything, ct);

        Assert.Equal(2, gained);
        Assert.Equal([("export-timeouts", 2), ("billing", 1)], stats.Select(s => (s.Theme!, s.Signals)));
        Assert.Equal(["export-timeouts"], rows.Single(r => r.SignalId == quote.Id).SuggestedThemes);
        Assert.Equal(["billing", "export-timeouts"], rows.Single(r => r.SignalId == tagged.Id).Themes);
        Assert.Equal((true, false), (removed, again));
        Assert.Equal([("billing", 1), ("export-timeouts", 1), (null, 1)], afterwards.Select(s => (s.Theme, s.Signals)));
        Assert.Empty((await Store.GetSignalAsync(workspace.Id, quote.Id, ct))!.Themes);
        Assert.Equal(2, (await Store.GetPeriodThemeStatsAsync(workspace.Id, new SignalFilter(Week), Week, ct)).Signals);
    }

    [Fact]
    public async Task KeepsTheFirstTagFirst_WhenItIsRemovedFromASignalWithTwo()
    {
        var workspace = await NewWorkspaceAsync();
        var quote = NewSignal(workspace, "Exports time out", themes: ["exports", "timeouts"]);
        await AddAsync(workspace, quote);

        await Meaning.UntagSignalAsync(workspace.Id, quote.Id, "exports", ct);

        Assert.Equal([("timeouts", 1)], (await Store.GetThemeStatsAsync(workspace.Id, Everything, ct)).Select(s => (s.Theme!, s.Signals)));
        Assert.Equal(1, (await Store.GetPeriodThemeStatsAsync(workspace.Id, new SignalFilter(Week), Week, ct)).Signals);
    }

    [Fact]
    public async Task ShowsWhichTagsWereSuggested_OnTheSignalsItReads()
    {
        var workspace = await NewWorkspaceAsync();
        var quote = NewSignal(workspace, "Exports time out", themes: ["exports"]);
        await AddAsync(workspace, quote);
        await Meaning.TagSignalsAsync(workspace.Id, [quote.Id], "export-timeouts", suggested: true, ct);

        var suggested = await Store.GetSignalAsync(workspace.Id, quote.Id, ct);
        await Meaning.TagSignalsAsync(workspace.Id, [quote.Id], "export-timeouts", suggested: false, ct);
        var confirmed = await Store.GetSignalAsync(workspace.Id, quote.Id, ct);

        Assert.Equal(["exports", "export-timeouts"], suggested?.Themes);
        Assert.Equal(["export-timeouts"], suggested?.SuggestedThemes);
        Assert.Equal(["exports", "export-timeouts"], confirmed?.Themes);
        Assert.Empty(confirmed?.SuggestedThemes ?? ["missing"]);
    }

    [Fact]
    public async Task MakesASuggestedTagAPersons_WhenAPersonTagsIt()
    {
        var workspace = await NewWorkspaceAsync();
        var quote = NewSignal(workspace, "Exports time out");
        await AddAsync(workspace, quote);
        await Meaning.SaveVectorsAsync([(workspace.Id, quote.Id, [1f, 0f])], model, ct);
        await Meaning.TagSignalsAsync(workspace.Id, [quote.Id], "export-timeouts", suggested: true, ct);

        var gained = await Meaning.TagSignalsAsync(workspace.Id, [quote.Id], "export-timeouts", suggested: false, ct);

        var row = Assert.Single(await Meaning.GetMeaningRowsAsync(workspace.Id, model, ct));
        Assert.Equal(0, gained);
        Assert.Equal(["export-timeouts"], row.Themes);
        Assert.Empty(row.SuggestedThemes);
    }

    [Fact]
    public async Task CountsAMergedNearDuplicateOnce_InRankingsTrendsCountsAndSearch()
    {
        var workspace = await NewWorkspaceAsync();
        var original = NewSignal(workspace, "Exports time out every morning", customer: "Acme", themes: ["export-timeouts"]);
        var duplicate = NewSignal(workspace, "Exports time out every single morning", customer: "Acme", themes: ["export-timeouts", "mornings"]);
        var other = NewSignal(workspace, "Exports time out at night", customer: "Globex", themes: ["export-timeouts"]);
        await AddAsync(workspace, original, duplicate, other);
        await Meaning.SaveVectorsAsync([(workspace.Id, duplicate.Id, [1f, 0f])], model, ct);

        var merged = await Meaning.MergeDuplicateAsync(workspace.Id, duplicate.Id, original.Id, ct);

        Assert.True(merged);
        var stats = await Store.GetThemeStatsAsync(workspace.Id, Everything, ct);
        Assert.Equal([("export-timeouts", 2, 2), ("mornings", 1, 1)], stats.Select(s => (s.Theme!, s.Signals, s.Customers)));
        var period = await Store.GetPeriodThemeStatsAsync(workspace.Id, new SignalFilter(Week), Week, ct);
        Assert.Equal((2, 2), (period.Signals, period.Current.Single(s => s.Theme == "export-timeouts").Signals));
        Assert.Equal(2, await Store.CountSignalsAsync(workspace.Id, Everything, ct));
        var found = await Store.FindSignalsAsync(workspace.Id, new SignalFilter(Text: "exports"), 10, ct);
        Assert.Equal(new[] { original.Id, other.Id }.Order(), found.Select(s => s.Id).Order());
        Assert.Equal([("acme", 1), ("globex", 1)], (await Store.GetCustomerStatsAsync(workspace.Id, Everything, 10, ct)).Customers
            .Select(c => (c.Name.ToLowerInvariant(), c.Signals)).Order());
        Assert.Equal(2, (await Store.GetStageStatsAsync(workspace.Id, Everything, ct)).Sum(s => s.Signals));
        Assert.Equal(["export-timeouts", "mornings"], (await Store.GetSignalAsync(workspace.Id, original.Id, ct))!.Themes);
        Assert.NotNull(await Store.GetSignalAsync(workspace.Id, duplicate.Id, ct)); // still shown, with its original
        Assert.Equal(original.Id, Assert.Single(await Meaning.GetMeaningRowsAsync(workspace.Id, model, ct)).DuplicateOf);
        Assert.DoesNotContain(duplicate.Id, (await Store.GetTellingSignalsAsync(workspace.Id, Everything, ["export-timeouts"], 5, ct)).Select(s => s.Id));
    }

    [Fact]
    public async Task MergesIntoTheFirstOriginal_WhenTheOriginalWasMergedBefore()
    {
        var workspace = await NewWorkspaceAsync();
        var first = NewSignal(workspace, "Exports time out");
        var second = NewSignal(workspace, "Exports time out again");
        var third = NewSignal(workspace, "Exports time out once more");
        var gone = NewSignal(workspace, "Deleted");
        await AddAsync(workspace, first, second, third, gone);
        await Store.DeleteSignalAsync(workspace.Id, gone.Id, new ChatUser("U1", "Capturer"), Now, ct);
        await Meaning.SaveVectorsAsync([(workspace.Id, third.Id, [1f, 0f])], model, ct);

        await Meaning.MergeDuplicateAsync(workspace.Id, second.Id, first.Id, ct);
        var merged = await Meaning.MergeDuplicateAsync(workspace.Id, third.Id, second.Id, ct);
        var backwards = await Meaning.MergeDuplicateAsync(workspace.Id, first.Id, second.Id, ct);
        var itself = await Meaning.MergeDuplicateAsync(workspace.Id, first.Id, first.Id, ct);
        var deleted = await Meaning.MergeDuplicateAsync(workspace.Id, gone.Id, first.Id, ct);

        Assert.Equal((true, false, false, false), (merged, backwards, itself, deleted));
        Assert.Equal(first.Id, Assert.Single(await Meaning.GetMeaningRowsAsync(workspace.Id, model, ct)).DuplicateOf);
        Assert.Equal(1, await Store.CountSignalsAsync(workspace.Id, Everything, ct));
        Assert.Equal([(null, 1)], (await Store.GetThemeStatsAsync(workspace.Id, Everything, ct)).Select(s => (s.Theme, s.Signals)));
    }

    [Fact]
    public async Task KeepsAMergedNearDuplicateUncounted_WhenItIsEdited()
    {
        var workspace = await NewWorkspaceAsync();
        var original = NewSignal(workspace, "Exports time out", themes: ["export-timeouts"]);
        var duplicate = NewSignal(workspace, "Exports time out!", themes: ["export-timeouts"]);
        await AddAsync(workspace, original, duplicate);
        await Meaning.MergeDuplicateAsync(workspace.Id, duplicate.Id, original.Id, ct);

        await Store.UpdateSignalAsync(workspace.Id, duplicate with { Themes = ["billing"] }, ct);

        Assert.Equal([("export-timeouts", 1)], (await Store.GetThemeStatsAsync(workspace.Id, Everything, ct)).Select(s => (s.Theme!, s.Signals)));
    }

    [Fact]
    public async Task TurnsAutoTaggingOffAndOn_KeepingTheOtherSettings()
    {
        var workspace = await NewWorkspaceAsync();

        var off = await Store.SaveWorkspaceSettingsAsync(workspace.Id, "Europe/Berlin", null, false, null, ct);
        var kept = await Store.SaveWorkspaceSettingsAsync(workspace.Id, null, DayOfWeek.Sunday, null, null, ct);
        var on = await Store.SaveWorkspaceSettingsAsync(workspace.Id, null, null, true, null, ct);

        Assert.True(workspace.AutoTag);
        Assert.Equal((false, false, true), (off.AutoTag, kept.AutoTag, on.AutoTag));
        Assert.Equal(on, await Store.GetWorkspaceAsync(workspace.Id, ct));
    }

    private Task<Workspace> NewWorkspaceAsync() =>
        Store.ResolveWorkspaceAsync(Platform.Slack, $"T{Guid.NewGuid():N}", "Test team", ct);

    private async Task AddAsync(Workspace workspace, params Signal[] signals)
    {
        foreach (var signal in signals)
        {
            await Store.AddSignalAsync(workspace.Id, signal, ct);
        }
    }
}
