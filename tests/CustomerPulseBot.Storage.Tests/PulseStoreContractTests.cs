using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage.Tests;

/// <summary>
/// What every <see cref="IPulseStore"/> promises, run against SQLite and PostgreSQL alike. Each test works
/// in a workspace of its own, so tests share a database without cleaning up or seeing each other.
/// </summary>
public abstract partial class PulseStoreContractTests
{
    /// <summary>The stores' clock; a Wednesday, so "the last few days" stay in one week.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 11, 12, 0, 0, TimeSpan.Zero);

    private static readonly SignalFilter Everything = new();
    private readonly CancellationToken ct = CancellationToken.None;

    protected abstract IPulseStore Store { get; }

    [Fact]
    public async Task ReturnsTheSameWorkspace_WhenResolvedTwice()
    {
        var externalId = $"T{Guid.NewGuid():N}";

        var first = await Store.ResolveWorkspaceAsync(Platform.Slack, externalId, "Acme team", ct);
        var second = await Store.ResolveWorkspaceAsync(Platform.Slack, externalId, "Acme team", ct);

        Assert.Equal(first, second);
        Assert.Equal(new Workspace(first.Id, Platform.Slack, externalId, "Acme team", DayOfWeek.Monday, "UTC", Now), first);
        Assert.Equal(first, await Store.GetWorkspaceAsync(first.Id, ct));
    }

    [Fact]
    public async Task ResolvesTwoWorkspaces_WhenPlatformsShareAnExternalId()
    {
        var externalId = $"T{Guid.NewGuid():N}";

        var slack = await Store.ResolveWorkspaceAsync(Platform.Slack, externalId, "Acme", ct);
        var teams = await Store.ResolveWorkspaceAsync(Platform.Teams, externalId, "Acme", ct);

        Assert.NotEqual(slack.Id, teams.Id);
        Assert.Equal(Platform.Teams, teams.Platform);
    }

    [Fact]
    public async Task KeepsTheSettingNotNamed_WhenOneWorkspaceSettingChanges()
    {
        var externalId = $"T{Guid.NewGuid():N}";
        var workspace = await Store.ResolveWorkspaceAsync(Platform.Slack, externalId, "Acme team", ct);

        var zoned = await Store.SaveWorkspaceSettingsAsync(workspace.Id, "Europe/Berlin", null, null, null, ct);
        var both = await Store.SaveWorkspaceSettingsAsync(workspace.Id, null, DayOfWeek.Sunday, null, null, ct);

        Assert.Equal(workspace with { TimeZone = "Europe/Berlin" }, zoned);
        Assert.Equal(workspace with { TimeZone = "Europe/Berlin", WeekStart = DayOfWeek.Sunday }, both);
        Assert.Equal(both, await Store.GetWorkspaceAsync(workspace.Id, ct));
        Assert.Equal(both, await Store.ResolveWorkspaceAsync(Platform.Slack, externalId, "Acme team", ct)); // this host sees it at once
    }

    [Fact]
    public async Task ChangesOnlyThatWorkspace_WhenItsSettingsChange()
    {
        var mine = await NewWorkspaceAsync();
        var other = await NewWorkspaceAsync();

        await Store.SaveWorkspaceSettingsAsync(mine.Id, "Asia/Kolkata", DayOfWeek.Saturday, null, null, ct);

        Assert.Equal(other, await Store.GetWorkspaceAsync(other.Id, ct));
    }

    [Fact]
    public async Task Throws_WhenTheWorkspaceWhoseSettingsChangeIsUnknown()
    {
        var unknown = WorkspaceId.New();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.SaveWorkspaceSettingsAsync(unknown, "UTC", null, null, null, ct));
    }

    [Fact]
    public async Task ReturnsNull_WhenTheWorkspaceIsUnknown()
    {
        var unknown = WorkspaceId.New();

        var workspace = await Store.GetWorkspaceAsync(unknown, ct);

        Assert.Null(workspace);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReturnsEveryField_WhenASignalIsReadBack(bool everyFieldSet)
    {
        var workspace = await NewWorkspaceAsync();
        var signal = everyFieldSet
            ? new Signal(
                Guid.CreateVersion7(Now), workspace.Id,
                "Exporting the Q3 board pack \"spins\" for ten minutes,\nthen fails. Ünïcode ✓",
                "Acme Logistics", "buyer", "call", SignalKind.Request, JourneyStage.Renew,
                ["slow-dashboard", "export-timeouts"], Severity.Critical, "https://calls.example.com/recordings/4821",
                new ChatUser("U123", "Priya Shah"), "C042", Now.AddDays(-2).AddMilliseconds(123), Now,
                "https://acme.slack.com/archives/C042/p1700000000000100")
            : new Signal(
                Guid.CreateVersion7(Now), workspace.Id, "Too slow.", null, null, null, SignalKind.Pain, null, [],
                Severity.Low, null, new ChatUser("U9", "Tom"), null, Now, Now, null);

        await Store.AddSignalAsync(workspace.Id, signal, ct);
        var read = await Store.GetSignalAsync(workspace.Id, signal.Id, ct);

        Assert.NotNull(read);
        Assert.Equal(signal.Themes, read.Themes);
        Assert.Equal(signal with { Themes = read.Themes }, read);
    }

    [Fact]
    public async Task ReturnsNull_WhenTheSignalIsUnknown()
    {
        var workspace = await NewWorkspaceAsync();

        var signal = await Store.GetSignalAsync(workspace.Id, Guid.NewGuid(), ct);

        Assert.Null(signal);
    }

    [Fact]
    public async Task CreatesEachThemeOnce_WhenSignalsNameThem()
    {
        var workspace = await NewWorkspaceAsync();

        var first = await Store.AddSignalAsync(workspace.Id, NewSignal(workspace, "one", themes: ["sso-setup", "onboarding"]), ct);
        var second = await Store.AddSignalAsync(workspace.Id, NewSignal(workspace, "two", themes: ["onboarding", "pricing"]), ct);
        var themes = await Store.GetThemesAsync(workspace.Id, ct);

        Assert.Equal(["sso-setup", "onboarding"], first);
        Assert.Equal(["pricing"], second);
        Assert.Equal(["onboarding", "pricing", "sso-setup"], themes.Select(t => t.Name));
        Assert.All(themes, t =>
        {
            Assert.Equal(workspace.Id, t.WorkspaceId);
            Assert.Equal(ThemeStatus.Open, t.Status);
            Assert.Null(t.StatusAt);
            Assert.Null(t.StatusNote);
            Assert.Empty(t.Aliases);
            Assert.Equal(Now, t.CreatedAt);
        });
    }

    [Fact]
    public async Task StoresTheCanonicalTheme_WhenASignalNamesAnAlias()
    {
        var workspace = await NewWorkspaceAsync();
        await Store.AddSignalAsync(workspace.Id, NewSignal(workspace, "a", themes: ["slow-dash", "slow-dashboard"]), ct);
        await MergeAsync(workspace, "slow-dash", "slow-dashboard");
        var signal = NewSignal(workspace, "b", themes: ["slow-dash", "slow-dashboard"]);

        var created = await Store.AddSignalAsync(workspace.Id, signal, ct);
        var read = await Store.GetSignalAsync(workspace.Id, signal.Id, ct);

        Assert.Empty(created);
        Assert.Equal(["slow-dashboard"], read!.Themes);
        Assert.Equal("slow-dashboard", (await Store.FindThemeAsync(workspace.Id, "slow-dash", ct))!.Name);
        Assert.Equal("slow-dashboard", (await Store.FindThemeAsync(workspace.Id, "#Slow Dash", ct))!.Name);
        Assert.Null(await Store.FindThemeAsync(workspace.Id, "slow", ct));
    }

    [Fact]
    public async Task StoresNothing_WhenAddingASignalFailsMidway()
    {
        var workspace = await NewWorkspaceAsync();
        var stored = NewSignal(workspace, "the first", themes: ["export-timeouts"]);
        await Store.AddSignalAsync(workspace.Id, stored, ct);
        var duplicate = NewSignal(workspace, "same id, new theme", themes: ["brand-new-theme"]) with { Id = stored.Id };

        var error = await Record.ExceptionAsync(() => Store.AddSignalAsync(workspace.Id, duplicate, ct));

        Assert.NotNull(error);
        Assert.Equal(["export-timeouts"], (await Store.GetThemesAsync(workspace.Id, ct)).Select(t => t.Name));
        Assert.Equal(1, await Store.CountSignalsAsync(workspace.Id, Everything, ct));
        Assert.Equal("the first", (await Store.GetSignalAsync(workspace.Id, stored.Id, ct))!.Quote);
    }

    [Fact]
    public async Task FindsNewestFirst_UpToTheLimit()
    {
        var workspace = await NewWorkspaceAsync();
        foreach (var daysAgo in new[] { 3, 1, 5, 2, 4 })
        {
            await Store.AddSignalAsync(workspace.Id, NewSignal(workspace, $"{daysAgo} days ago", Now.AddDays(-daysAgo)), ct);
        }

        var found = await Store.FindSignalsAsync(workspace.Id, Everything, 3, ct);
        var count = await Store.CountSignalsAsync(workspace.Id, Everything, ct);

        Assert.Equal(["1 days ago", "2 days ago", "3 days ago"], found.Select(s => s.Quote));
        Assert.Equal(5, count);
    }

    /// <summary>Each filter part alone (and a few together), over the signals <see cref="SeedFilterSignalsAsync"/> stores.</summary>
    public static readonly TheoryData<string, SignalFilter, string[]> FilterCases = new()
    {
        { "nothing", new(), ["excel", "dashboard", "alerts", "percent", "underscore", "unicode"] },
        { "range, start inclusive and end exclusive", new(new DateRange(Now.AddDays(-4), Now.AddDays(-1))), ["dashboard", "percent", "unicode"] },
        { "segment", new(Segment: "buyer"), ["excel", "underscore"] },
        { "kinds", new(Kinds: SignalFilter.FrictionKinds), ["excel", "dashboard", "percent", "unicode"] },
        { "no kinds", new(Kinds: []), [] },
        { "theme", new(Theme: "export-timeouts"), ["excel", "percent", "unicode"] },
        { "theme by alias", new(Theme: "exports-slow"), ["excel", "percent", "unicode"] },
        { "theme as typed", new(Theme: "#Export Timeouts"), ["excel", "percent", "unicode"] },
        { "unknown theme", new(Theme: "nothing-here"), [] },
        { "customer, any case and spacing", new(Customer: "  acme "), ["excel", "dashboard"] },
        { "text word", new(Text: "EXPORT"), ["excel", "percent", "underscore", "unicode"] },
        { "text, every word must match", new(Text: "export slow"), ["underscore"] },
        { "text in the customer name", new(Text: "globex"), ["alerts"] },
        { "text beyond ASCII, any case", new(Text: "ÜNÏCODE"), ["unicode"] },
        { "text of punctuation alone matches nothing", new(Text: "%"), [] },
        { "text _ joins no words", new(Text: "_"), [] },
        { "text, words around punctuation", new(Text: "my_report"), ["underscore"] },
        { "text with both", new(Text: "100% my_report"), [] },
        { "several parts", new(Segment: "admin", Kinds: [SignalKind.Pain], Text: "export"), ["percent", "unicode"] },
    };

    [Theory]
    [MemberData(nameof(FilterCases))]
    public async Task FindsAndCountsExactlyTheMatchingSignals_ForEachFilterPart(string part, SignalFilter filter, string[] expected)
    {
        var workspace = await NewWorkspaceAsync();
        var keys = await SeedFilterSignalsAsync(workspace);

        var found = await Store.FindSignalsAsync(workspace.Id, filter, 100, ct);
        var count = await Store.CountSignalsAsync(workspace.Id, filter, ct);

        Assert.True(expected.Order().SequenceEqual(found.Select(s => keys[s.Id]).Order()),
            $"{part}: expected [{string.Join(", ", expected)}], found [{string.Join(", ", found.Select(s => keys[s.Id]))}]");
        Assert.Equal(expected.Length, count);
    }

    [Fact]
    public async Task SumsEachThemeAndTheUntagged_WhenStatsAreAsked()
    {
        var workspace = await NewWorkspaceAsync();
        var day = new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero);
        await AddAsync(workspace,
            NewSignal(workspace, "a1", day.AddHours(9), "Acme", severity: Severity.High, themes: ["exports", "billing"]),
            NewSignal(workspace, "a2", day.AddHours(23.5), " acme", severity: Severity.Low, themes: ["exports"]),
            NewSignal(workspace, "a3", day.AddHours(24.5), null, severity: Severity.Critical, themes: ["exports"]),
            NewSignal(workspace, "a4", day.AddDays(1).AddHours(2), "Globex", severity: Severity.Medium, themes: ["exports"]),
            NewSignal(workspace, "u1", day.AddHours(10), "Initech", severity: Severity.Medium),
            NewSignal(workspace, "u2", day.AddHours(11), null, severity: Severity.Low),
            NewSignal(workspace, "praise", day.AddHours(12), "Acme", SignalKind.Praise, themes: ["exports"]),
            NewSignal(workspace, "last week", day.AddDays(-3), "Hooli", themes: ["exports"]));
        var filter = new SignalFilter(new DateRange(day, day.AddDays(7)), Kinds: SignalFilter.FrictionKinds);

        var stats = await Store.GetThemeStatsAsync(workspace.Id, filter, ct);

        ThemeStats[] expected =
        [
            new("exports", Signals: 4, Customers: 2, Anonymous: 1, Days: 2, AverageSeverity: 2.5, MaxSeverity: 4),
            new("billing", Signals: 1, Customers: 1, Anonymous: 0, Days: 1, AverageSeverity: 3, MaxSeverity: 3),
            new(null, Signals: 2, Customers: 1, Anonymous: 1, Days: 1, AverageSeverity: 1.5, MaxSeverity: 2),
        ];
        Assert.Equal(expected.OrderBy(s => s.Theme), stats.OrderBy(s => s.Theme));
    }

    [Fact]
    public async Task CountsOnlyTheFilteredSignalsThemes_WhenStatsAreFilteredByTheme()
    {
        var workspace = await NewWorkspaceAsync();
        await AddAsync(workspace,
            NewSignal(workspace, "both", themes: ["exports", "billing"]),
            NewSignal(workspace, "exports only", themes: ["exports"]),
            NewSignal(workspace, "untagged"));

        var stats = await Store.GetThemeStatsAsync(workspace.Id, new SignalFilter(Theme: "billing"), ct);

        Assert.Equal([("billing", 1), ("exports", 1)], stats.Select(s => (s.Theme, s.Signals)).OrderBy(s => s.Theme));
    }

    [Fact]
    public async Task ReturnsNoStats_WhenNothingMatches()
    {
        var workspace = await NewWorkspaceAsync();

        var stats = await Store.GetThemeStatsAsync(workspace.Id, Everything, ct);

        Assert.Empty(stats);
    }

    [Fact]
    public async Task OrdersTellingSignalsBySeverityCustomerEvidenceThenNewest_WithinTheLimitPerTheme()
    {
        var workspace = await NewWorkspaceAsync();
        const string evidence = "https://tickets.example.com/1";
        await AddAsync(workspace,
            NewSignal(workspace, "t-critical", Now.AddDays(-5), null, severity: Severity.Critical, themes: ["exports"]),
            NewSignal(workspace, "t-customer-evidence-older", Now.AddDays(-4), "Acme", severity: Severity.High, evidence: evidence, themes: ["exports"]),
            NewSignal(workspace, "t-customer", Now.AddHours(-1), "Acme", severity: Severity.High, themes: ["exports"]),
            NewSignal(workspace, "t-evidence", Now.AddHours(-1), null, severity: Severity.High, evidence: evidence, themes: ["exports"]),
            NewSignal(workspace, "t-customer-evidence-newer", Now.AddDays(-2), "Globex", severity: Severity.High, evidence: evidence, themes: ["exports"]),
            NewSignal(workspace, "t-praise", Now.AddDays(-1), "Acme", SignalKind.Praise, Severity.Critical, themes: ["exports"]),
            NewSignal(workspace, "u-low", Now.AddDays(-1), "Acme", severity: Severity.Low, themes: ["sso-old"]),
            NewSignal(workspace, "u-high", Now.AddDays(-1), "Acme", severity: Severity.High, themes: ["sso"]),
            NewSignal(workspace, "untagged-old", Now.AddDays(-3), null),
            NewSignal(workspace, "untagged-new", Now.AddDays(-1), null),
            NewSignal(workspace, "unasked", Now.AddDays(-1), null, severity: Severity.Critical, themes: ["pricing"]));
        await MergeAsync(workspace, "sso-old", "sso");
        var filter = new SignalFilter(Kinds: SignalFilter.FrictionKinds);

        var exportsOnly = await Store.GetTellingSignalsAsync(workspace.Id, filter, ["exports"], 4, ct);
        var mixed = await Store.GetTellingSignalsAsync(workspace.Id, filter, ["sso-old", null, "exports"], 2, ct);

        Assert.Equal(
            ["t-critical", "t-customer-evidence-newer", "t-customer-evidence-older", "t-customer"],
            exportsOnly.Select(s => s.Quote));
        Assert.Equal(
            ["u-high", "u-low", "untagged-new", "untagged-old", "t-critical", "t-customer-evidence-newer"],
            mixed.Select(s => s.Quote));
        Assert.Equal(["sso"], mixed[0].Themes);
    }

    [Fact]
    public async Task MovesSignalsAndAliases_WhenThemesAreMerged()
    {
        var workspace = await NewWorkspaceAsync();
        var both = NewSignal(workspace, "both", themes: ["slow-dash", "slow-dashboard"]);
        await AddAsync(workspace,
            NewSignal(workspace, "older alias", themes: ["dash-slow"]),
            both,
            NewSignal(workspace, "from only", themes: ["slow-dash"]),
            NewSignal(workspace, "into only", themes: ["slow-dashboard"]));
        await MergeAsync(workspace, "dash-slow", "slow-dash");
        var from = (await Store.FindThemeAsync(workspace.Id, "slow-dash", ct))!;
        var into = (await Store.FindThemeAsync(workspace.Id, "slow-dashboard", ct))!;

        var merged = await Store.MergeThemesAsync(workspace.Id, from, into, ct);

        Assert.Equal(into with { Aliases = merged.Aliases }, merged);
        Assert.Equal(["dash-slow", "slow-dash"], merged.Aliases);
        Assert.Equal(["slow-dashboard"], (await Store.GetThemesAsync(workspace.Id, ct)).Select(t => t.Name));
        Assert.Equal(["slow-dashboard"], (await Store.GetSignalAsync(workspace.Id, both.Id, ct))!.Themes);
        Assert.Equal(4, await Store.CountSignalsAsync(workspace.Id, new SignalFilter(Theme: "slow-dashboard"), ct));
        Assert.Equal(4, await Store.CountSignalsAsync(workspace.Id, new SignalFilter(Theme: "dash-slow"), ct));
        var stats = Assert.Single(await Store.GetThemeStatsAsync(workspace.Id, Everything, ct));
        Assert.Equal("slow-dashboard", stats.Theme);
        Assert.Equal(4, stats.Signals);
        Assert.Empty(await Store.AddSignalAsync(workspace.Id, NewSignal(workspace, "after", themes: ["dash-slow"]), ct));
        Assert.Equal(5, await Store.CountSignalsAsync(workspace.Id, new SignalFilter(Theme: "slow-dashboard"), ct));
    }

    [Fact]
    public async Task ChangesNothing_WhenTheSameMergeRunsTwice()
    {
        var workspace = await NewWorkspaceAsync();
        await AddAsync(workspace,
            NewSignal(workspace, "from", themes: ["slow-dash"]),
            NewSignal(workspace, "into", themes: ["slow-dashboard"]));
        var from = (await Store.FindThemeAsync(workspace.Id, "slow-dash", ct))!;
        var into = (await Store.FindThemeAsync(workspace.Id, "slow-dashboard", ct))!;
        var first = await Store.MergeThemesAsync(workspace.Id, from, into, ct);

        var second = await Store.MergeThemesAsync(workspace.Id, from, into, ct);

        Assert.Equal(first.Aliases, second.Aliases);
        Assert.Equal(first with { Aliases = second.Aliases }, second);
        Assert.Equal(["slow-dashboard"], (await Store.GetThemesAsync(workspace.Id, ct)).Select(t => t.Name));
        Assert.Equal(2, await Store.CountSignalsAsync(workspace.Id, new SignalFilter(Theme: "slow-dashboard"), ct));
    }

    [Fact]
    public async Task Refuses_WhenMergingIntoAThemeThatIsGone()
    {
        var workspace = await NewWorkspaceAsync();
        await AddAsync(workspace, NewSignal(workspace, "x", themes: ["a", "b", "c"]));
        var a = (await Store.FindThemeAsync(workspace.Id, "a", ct))!;
        var b = (await Store.FindThemeAsync(workspace.Id, "b", ct))!;
        var c = (await Store.FindThemeAsync(workspace.Id, "c", ct))!;
        await Store.MergeThemesAsync(workspace.Id, b, c, ct);

        var error = await Record.ExceptionAsync(() => Store.MergeThemesAsync(workspace.Id, a, b, ct));

        Assert.IsType<InvalidOperationException>(error);
        Assert.Equal(["a", "c"], (await Store.GetThemesAsync(workspace.Id, ct)).Select(t => t.Name));
    }

    [Fact]
    public async Task KeepsTheNewStatus_WhenAThemeIsShippedAndReopened()
    {
        var workspace = await NewWorkspaceAsync();
        await AddAsync(workspace, NewSignal(workspace, "x", themes: ["exports"]));
        var theme = (await Store.FindThemeAsync(workspace.Id, "exports", ct))!;

        var shipped = await Store.SetThemeStatusAsync(workspace.Id, theme, ThemeStatus.Shipped, Now, "streaming exports in 4.2", ct);
        var listed = Assert.Single(await Store.GetThemesAsync(workspace.Id, ct));
        var reopened = await Store.SetThemeStatusAsync(workspace.Id, theme, ThemeStatus.Open, null, null, ct);

        Assert.Equal(theme with { Status = ThemeStatus.Shipped, StatusAt = Now, StatusNote = "streaming exports in 4.2" }, shipped with { Aliases = theme.Aliases });
        Assert.Equal(shipped with { Aliases = listed.Aliases }, listed);
        Assert.Equal(theme, reopened with { Aliases = theme.Aliases });
    }

    [Fact]
    public async Task AnswersTrue_WhenPinged()
    {
        var answered = await Store.PingAsync(ct);

        Assert.True(answered);
    }

    [Fact]
    public async Task AcceptsWrites_WhenTheDatabaseIsWritable()
    {
        var accepts = await Store.AcceptsWritesAsync(ct);

        Assert.True(accepts);
    }

    [Fact]
    public async Task NeverShowsAnotherWorkspacesSignalsOrThemes_ThroughAnyMethod()
    {
        var mine = await NewWorkspaceAsync();
        var theirs = await NewWorkspaceAsync();
        var their = NewSignal(theirs, "their secret export quote", customer: "Acme", themes: ["shared-name", "their-theme", "their-old"]);
        await AddAsync(theirs, their);
        await MergeAsync(theirs, "their-old", "their-theme");
        var theirTheme = (await Store.FindThemeAsync(theirs.Id, "their-theme", ct))!;
        var theirShared = (await Store.FindThemeAsync(theirs.Id, "shared-name", ct))!;
        var own = NewSignal(mine, "my own quote", themes: ["shared-name"]);
        await AddAsync(mine, own);
        var myShared = (await Store.FindThemeAsync(mine.Id, "shared-name", ct))!;
        var ownOnly = new[] { own.Id };

        Assert.Null(await Store.GetSignalAsync(mine.Id, their.Id, ct));
        Assert.Equal(ownOnly, (await Store.FindSignalsAsync(mine.Id, Everything, 100, ct)).Select(s => s.Id));
        Assert.Equal(1, await Store.CountSignalsAsync(mine.Id, Everything, ct));
        foreach (var filter in new SignalFilter[] { new(Theme: "their-theme"), new(Theme: "their-old"), new(Text: "secret"), new(Customer: "acme") })
        {
            Assert.Empty(await Store.FindSignalsAsync(mine.Id, filter, 100, ct));
            Assert.Equal(0, await Store.CountSignalsAsync(mine.Id, filter, ct));
            Assert.Empty(await Store.GetThemeStatsAsync(mine.Id, filter, ct));
        }

        Assert.Equal([("shared-name", 1)], (await Store.GetThemeStatsAsync(mine.Id, Everything, ct)).Select(s => (s.Theme, s.Signals)));
        Assert.Equal(ownOnly, (await Store.GetTellingSignalsAsync(mine.Id, Everything, ["shared-name", "their-theme", "their-old", null], 10, ct)).Select(s => s.Id));
        Assert.Equal([myShared.Id], (await Store.GetThemesAsync(mine.Id, ct)).Select(t => t.Id));
        Assert.Null(await Store.FindThemeAsync(mine.Id, "their-theme", ct));
        Assert.Null(await Store.FindThemeAsync(mine.Id, "their-old", ct));
        Assert.IsType<InvalidOperationException>(await Record.ExceptionAsync(() => Store.MergeThemesAsync(mine.Id, theirTheme, myShared, ct)));
        Assert.IsType<InvalidOperationException>(await Record.ExceptionAsync(() => Store.MergeThemesAsync(mine.Id, myShared, theirShared, ct)));
        Assert.IsType<InvalidOperationException>(await Record.ExceptionAsync(() => Store.SetThemeStatusAsync(mine.Id, theirTheme, ThemeStatus.WontFix, Now, "no", ct)));
        Assert.IsType<ArgumentException>(await Record.ExceptionAsync(() => Store.AddSignalAsync(mine.Id, NewSignal(theirs, "crossing"), ct)));
        Assert.Equal(["their-old"], await Store.AddSignalAsync(mine.Id, NewSignal(mine, "mine too", themes: ["their-old"]), ct));
        Assert.Equal([(theirShared.Id, ThemeStatus.Open), (theirTheme.Id, ThemeStatus.Open)],
            (await Store.GetThemesAsync(theirs.Id, ct)).Select(t => (t.Id, t.Status)));
        Assert.Equal(new[] { their.Id }, (await Store.FindSignalsAsync(theirs.Id, Everything, 100, ct)).Select(s => s.Id));
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

    private async Task MergeAsync(Workspace workspace, string from, string into) =>
        await Store.MergeThemesAsync(
            workspace.Id,
            (await Store.FindThemeAsync(workspace.Id, from, ct))!,
            (await Store.FindThemeAsync(workspace.Id, into, ct))!,
            ct);

    /// <summary>The signals <see cref="FilterCases"/> run over, by key; "exports-slow" is an alias of "export-timeouts".</summary>
    private async Task<Dictionary<Guid, string>> SeedFilterSignalsAsync(Workspace workspace)
    {
        var signals = new Dictionary<string, Signal>
        {
            ["excel"] = NewSignal(workspace, "Export to Excel times out", Now.AddDays(-1), "Acme", segment: "buyer", themes: ["export-timeouts"]),
            ["dashboard"] = NewSignal(workspace, "Dashboard loads slowly", Now.AddDays(-2), "ACME ", SignalKind.Request, segment: "user", themes: ["slow-dashboard"]),
            ["alerts"] = NewSignal(workspace, "Love the new alerts", Now.AddDays(-10), "Globex", SignalKind.Praise, segment: "user", themes: ["alerts"]),
            ["percent"] = NewSignal(workspace, "100% of our exports fail", Now.AddDays(-3), null, segment: "admin", themes: ["export-timeouts"]),
            ["underscore"] = NewSignal(workspace, "The my_report export is slow", Now.AddDays(-20), "Initech", SignalKind.Question, segment: "buyer"),
            ["unicode"] = NewSignal(workspace, "Exports timed out for the Ünïcode team", Now.AddDays(-4), "Straße GmbH", segment: "admin", themes: ["exports-slow"]),
        };
        await AddAsync(workspace, signals.Values.ToArray());
        await MergeAsync(workspace, "exports-slow", "export-timeouts");
        return signals.ToDictionary(p => p.Value.Id, p => p.Key);
    }

    internal static Signal NewSignal(
        Workspace workspace,
        string quote,
        DateTimeOffset? saidAt = null,
        string? customer = null,
        SignalKind kind = SignalKind.Pain,
        Severity severity = Severity.Medium,
        string? segment = null,
        string? evidence = null,
        IReadOnlyList<string>? themes = null,
        DateTimeOffset? capturedAt = null) =>
        new(Guid.NewGuid(), workspace.Id, quote, customer, segment, "call", kind, JourneyStage.Use, themes ?? [], severity,
            evidence, new ChatUser("U1", "Capturer"), "C1", saidAt ?? Now.AddHours(-1), capturedAt ?? Now, null);
}
