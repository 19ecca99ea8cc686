using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage.Tests;

public abstract partial class PulseStoreContractTests
{
    private static readonly DateRange ThisWeek = new(Now.AddDays(-7), Now);
    private static readonly DateRange WeekBefore = new(Now.AddDays(-14), Now.AddDays(-7));

    /// <summary>Every filter of <see cref="FilterCases"/> and <see cref="MoreFilterCases"/>, its range set to this week.</summary>
    public static TheoryData<string, SignalFilter> PeriodFilterCases()
    {
        var cases = new TheoryData<string, SignalFilter>();
        foreach (var row in FilterCases.Concat(MoreFilterCases))
        {
            cases.Add((string)row[0], ((SignalFilter)row[1]) with { Range = ThisWeek });
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(PeriodFilterCases))]
    public async Task ReadsBothPeriodsAndTheCount_AsTheSeparateQueriesDo(string part, SignalFilter filter)
    {
        var workspace = await NewWorkspaceAsync();
        await SeedPeriodSignalsAsync(workspace);

        var together = await Store.GetPeriodThemeStatsAsync(workspace.Id, filter, WeekBefore, ct);

        var current = await Store.GetThemeStatsAsync(workspace.Id, filter, ct);
        var previous = await Store.GetThemeStatsAsync(workspace.Id, filter with { Range = WeekBefore }, ct);
        var count = await Store.CountSignalsAsync(workspace.Id, filter, ct);
        Assert.True(current.SequenceEqual(together.Current), $"{part}: this week");
        Assert.True(previous.SequenceEqual(together.Previous), $"{part}: the week before");
        Assert.Equal(count, together.Signals);
    }

    [Fact]
    public async Task CountsEachSignalOnce_AfterMergesEditsAndDeletes()
    {
        var workspace = await NewWorkspaceAsync();
        await SeedPeriodSignalsAsync(workspace);

        var friction = await Store.GetPeriodThemeStatsAsync(workspace.Id, new SignalFilter(ThisWeek, Kinds: SignalFilter.FrictionKinds), WeekBefore, ct);

        // This week's friction: "first merged", "merged only", "edited" and "untagged" ("deleted" is gone, "praise" is no friction).
        Assert.Equal(4, friction.Signals);
        Assert.Equal(
            [("keep", 3, 1, 3), ("exports", 1, 1, 1), (null, 1, 0, 1)],
            friction.Current.Select(s => (s.Theme, s.Signals, s.Customers, s.Days)));
        Assert.Equal([("exports", 1), ("keep", 1), ("sso", 1)], friction.Previous.Select(s => (s.Theme, s.Signals)));
    }

    /// <summary>
    /// Signals of this week, the week before and earlier, through every change that rewrites signal_themes: a theme
    /// merged into one the same signal names after it (the merged link was the signal's first), an edit that changes
    /// themes and customer, a delete and a customer merge.
    /// </summary>
    private async Task SeedPeriodSignalsAsync(Workspace workspace)
    {
        var edited = NewSignal(workspace, "Dashboards are slow", Now.AddDays(-3), "Initech", themes: ["sso"]);
        var deleted = NewSignal(workspace, "Export failed again", Now.AddDays(-2), "Acme", themes: ["keep"]);
        await AddAsync(workspace,
            NewSignal(workspace, "Export to Excel times out", Now.AddDays(-1), "Acme", segment: "buyer", themes: ["dup-first", "keep"]),
            NewSignal(workspace, "The my_report export is slow", Now.AddDays(-2), "ACME ", SignalKind.Request, themes: ["dup-first"]),
            NewSignal(workspace, "Love the new alerts", Now.AddDays(-2), "Globex", SignalKind.Praise, segment: "user", themes: ["alerts"]),
            NewSignal(workspace, "100% of our exports fail", Now.AddDays(-4), null, severity: Severity.Critical, segment: "admin"),
            NewSignal(workspace, "Exports fail for the Ünïcode team", Now.AddDays(-9), "Globex", segment: "internal", themes: ["exports", "sso"])
                with { Source = "ticket", Stage = JourneyStage.Renew },
            NewSignal(workspace, "SSO setup is slow", Now.AddDays(-10), "Straße GmbH", SignalKind.Request, Severity.High, themes: ["dup-first"])
                with { Stage = JourneyStage.Onboard },
            NewSignal(workspace, "Old export complaint", Now.AddDays(-20), "Acme", themes: ["exports"]),
            edited,
            deleted);
        await MergeAsync(workspace, "dup-first", "keep");
        await Store.UpdateSignalAsync(workspace.Id, edited with { Customer = "Globex", Themes = ["exports", "keep"], Severity = Severity.High }, ct);
        await Store.DeleteSignalAsync(workspace.Id, deleted.Id, Deleter, Now, ct);
        await Store.MergeCustomersAsync(workspace.Id, "Globex", "Acme", ct);
    }
}
