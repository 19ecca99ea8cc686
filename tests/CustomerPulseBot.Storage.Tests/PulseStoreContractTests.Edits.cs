using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage.Tests;

/// <summary>Edits, deletes, references, customers and stages (migration 0007), on both databases.</summary>
public abstract partial class PulseStoreContractTests
{
    private static readonly ChatUser Deleter = new("U-admin", "Dana Admin");

    [Fact]
    public async Task ReplacesFieldsThemesCustomerAndWords_WhenASignalIsEdited()
    {
        var workspace = await NewWorkspaceAsync();
        var original = NewSignal(workspace, "Exports hang on large files", Now.AddDays(-2), "Acme", themes: ["exports"]);
        await AddAsync(workspace, original, NewSignal(workspace, "Invoices are wrong", customer: "Globex", themes: ["billing"]));
        var edited = original with
        {
            Quote = "Invoices double-charge us", Customer = "Initech", Segment = "admin", Source = "ticket", Kind = SignalKind.Request,
            Stage = JourneyStage.Renew, Themes = ["billing", "refunds"], Severity = Severity.Critical, EvidenceUrl = "https://t.example.com/7",
            SaidAt = Now.AddDays(-1), SourcePermalink = "https://acme.slack.com/archives/C1/p1",
            CapturedAt = Now.AddDays(3), CapturedBy = new ChatUser("U-editor", "Editor"), CapturedIn = "C-elsewhere",
        };

        var created = await Store.UpdateSignalAsync(workspace.Id, edited, ct);
        var read = await Store.GetSignalAsync(workspace.Id, original.Id, ct);

        Assert.Equal(["refunds"], created);
        Assert.NotNull(read);
        Assert.Equal(["billing", "refunds"], read.Themes);
        Assert.Equal(edited with { Themes = read.Themes, CapturedAt = original.CapturedAt, CapturedBy = original.CapturedBy, CapturedIn = original.CapturedIn }, read);
        Assert.Equal([("billing", 2), ("refunds", 1)], (await Store.GetThemeStatsAsync(workspace.Id, Everything, ct)).Select(s => (s.Theme, s.Signals)).OrderBy(s => s.Theme));
        Assert.Empty(await Store.FindSignalsAsync(workspace.Id, new SignalFilter(Text: "exports"), 10, ct));
        Assert.Equal([original.Id], (await Store.FindSignalsAsync(workspace.Id, new SignalFilter(Text: "double charge"), 10, ct)).Select(s => s.Id));
        Assert.Equal(0, await Store.CountSignalsAsync(workspace.Id, new SignalFilter(Customer: "acme"), ct));
        Assert.Equal(["Globex", "Initech"], (await Store.GetCustomerStatsAsync(workspace.Id, Everything, 10, ct)).Customers.Select(c => c.Name));
        Assert.Equal(1, await Store.CountSignalsAsync(workspace.Id, new SignalFilter(Source: "ticket", Stage: JourneyStage.Renew), ct));
        Assert.Equal([("billing", 1), ("refunds", 1)], (await Store.GetThemeStatsAsync(workspace.Id, new SignalFilter(Source: "ticket"), ct)).Select(s => (s.Theme, s.Signals)).OrderBy(s => s.Theme));
    }

    [Fact]
    public async Task Refuses_WhenEditingASignalThatIsDeletedOrUnknown()
    {
        var workspace = await NewWorkspaceAsync();
        var deleted = NewSignal(workspace, "gone");
        await AddAsync(workspace, deleted);
        await Store.DeleteSignalAsync(workspace.Id, deleted.Id, Deleter, Now, ct);

        var onDeleted = await Record.ExceptionAsync(() => Store.UpdateSignalAsync(workspace.Id, deleted with { Quote = "back" }, ct));
        var onUnknown = await Record.ExceptionAsync(() => Store.UpdateSignalAsync(workspace.Id, NewSignal(workspace, "never stored"), ct));

        Assert.IsType<InvalidOperationException>(onDeleted);
        Assert.IsType<InvalidOperationException>(onUnknown);
        Assert.Equal(0, await Store.CountSignalsAsync(workspace.Id, Everything, ct));
    }

    [Fact]
    public async Task HidesADeletedSignalFromEveryRead_AndKeepsWhoDeletedIt()
    {
        var workspace = await NewWorkspaceAsync();
        var kept = NewSignal(workspace, "Exports are slow", Now.AddHours(-3), "Acme", themes: ["exports"], capturedAt: Now.AddMinutes(-10));
        var gone = NewSignal(workspace, "Exports time out", Now.AddHours(-2), "Globex", severity: Severity.Critical, themes: ["exports"], capturedAt: Now.AddMinutes(-5));
        var goneUntagged = NewSignal(workspace, "Exports untagged", Now.AddHours(-2), "Hooli", capturedAt: Now.AddMinutes(-4));
        await AddAsync(workspace, kept, gone, goneUntagged);
        var deletedAt = Now.AddMinutes(-1);

        var first = await Store.DeleteSignalAsync(workspace.Id, gone.Id, Deleter, deletedAt, ct);
        var again = await Store.DeleteSignalAsync(workspace.Id, gone.Id, Deleter, Now, ct);
        var unknown = await Store.DeleteSignalAsync(workspace.Id, Guid.NewGuid(), Deleter, Now, ct);
        await Store.DeleteSignalAsync(workspace.Id, goneUntagged.Id, Deleter, deletedAt, ct);

        Assert.True(first);
        Assert.False(again);
        Assert.False(unknown);
        Assert.Equal((Deleter, deletedAt), await ((SqlPulseStore)Store).FindDeletionAsync(workspace.Id, gone.Id, ct));
        Assert.Null(await ((SqlPulseStore)Store).FindDeletionAsync(workspace.Id, kept.Id, ct));
        Assert.Null(await Store.GetSignalAsync(workspace.Id, gone.Id, ct));
        foreach (var filter in new SignalFilter[] { Everything, new(Text: "exports"), new(Theme: "exports"), new(MinSeverity: Severity.Critical) })
        {
            Assert.DoesNotContain(await Store.FindSignalsAsync(workspace.Id, filter, 10, ct), s => s.Id != kept.Id);
            Assert.Equal(filter.MinSeverity is null ? 1 : 0, await Store.CountSignalsAsync(workspace.Id, filter, ct));
        }

        var stats = Assert.Single(await Store.GetThemeStatsAsync(workspace.Id, Everything, ct));
        Assert.Equal(("exports", 1, 1, 2), (stats.Theme, stats.Signals, stats.Customers, stats.MaxSeverity));
        Assert.Equal([kept.Id], (await Store.GetTellingSignalsAsync(workspace.Id, Everything, ["exports", null], 5, ct)).Select(s => s.Id));
        Assert.Equal(["Acme"], (await Store.GetCustomerStatsAsync(workspace.Id, Everything, 10, ct)).Customers.Select(c => c.Name));
        Assert.Equal([(JourneyStage.Use, 1)], (await Store.GetStageStatsAsync(workspace.Id, Everything, ct)).Select(s => (s.Stage, s.Signals)));
        Assert.Equal(kept.Id, (await Store.FindLastCaptureAsync(workspace.Id, "U1", ct))?.Id);
        Assert.Empty(await Store.FindSignalsByReferenceAsync(workspace.Id, gone.ShortId, ct));
        var digests = (IDigestStore)Store;
        var captured = new DateRange(Now.AddHours(-1), Now);
        Assert.Equal([kept.Id], (await digests.GetCapturedSignalsAsync(workspace.Id, captured, QueryFilters.None, 10, ct)).Select(s => s.Id));
        Assert.Equal(1, await digests.CountCapturedSignalsAsync(workspace.Id, captured, QueryFilters.None, ct));
    }

    [Fact]
    public async Task FindsThePersonsNewestUndeletedCapture_ByCaptureTime()
    {
        var workspace = await NewWorkspaceAsync();
        var mine = new ChatUser("U-me", "Me");
        var older = NewSignal(workspace, "older capture, said recently", Now, capturedAt: Now.AddMinutes(-20)) with { CapturedBy = mine };
        var newer = NewSignal(workspace, "newer capture, said long ago", Now.AddDays(-30), capturedAt: Now.AddMinutes(-10)) with { CapturedBy = mine };
        var newest = NewSignal(workspace, "newest, then deleted", capturedAt: Now.AddMinutes(-5)) with { CapturedBy = mine };
        var someoneElse = NewSignal(workspace, "someone else's", capturedAt: Now);
        await AddAsync(workspace, older, newer, newest, someoneElse);
        await Store.DeleteSignalAsync(workspace.Id, newest.Id, mine, Now, ct);

        var last = await Store.FindLastCaptureAsync(workspace.Id, "U-me", ct);
        var nobody = await Store.FindLastCaptureAsync(workspace.Id, "U-nobody", ct);
        var elsewhere = await Store.FindLastCaptureAsync(WorkspaceId.New(), "U-me", ct);

        Assert.Equal(newer.Id, last?.Id);
        Assert.Null(nobody);
        Assert.Null(elsewhere);
    }

    [Fact]
    public async Task FindsTheSameCapture_ByPersonQuoteAndCustomerSinceThen()
    {
        var workspace = await NewWorkspaceAsync();
        var first = NewSignal(workspace, "Exports time out", customer: "Acme", capturedAt: Now.AddMinutes(-3));
        var anonymous = NewSignal(workspace, "Nobody said who", capturedAt: Now.AddMinutes(-2));
        var deleted = NewSignal(workspace, "Deleted since", customer: "Acme", capturedAt: Now.AddMinutes(-1));
        await AddAsync(workspace, first, anonymous, deleted);
        await Store.DeleteSignalAsync(workspace.Id, deleted.Id, Deleter, Now, ct);
        var since = Now.AddMinutes(-5);

        Task<Signal?> Find(string quote, string? customer, string user = "U1", DateTimeOffset? from = null) =>
            Store.FindSameCaptureAsync(workspace.Id, user, quote, customer, from ?? since, ct);

        Assert.Equal(first.Id, (await Find("Exports time out", " acme "))?.Id);
        Assert.Equal(anonymous.Id, (await Find("Nobody said who", null))?.Id);
        Assert.Null(await Find("Exports time out", "Globex"));
        Assert.Null(await Find("Exports time out", null));
        Assert.Null(await Find("Nobody said who", "Acme"));
        Assert.Null(await Find("Exports time out!", "Acme"));
        Assert.Null(await Find("Exports time out", "Acme", user: "U2"));
        Assert.Null(await Find("Exports time out", "Acme", from: Now.AddMinutes(-2)));
        Assert.Null(await Find("Deleted since", "Acme"));
        Assert.Null(await Store.FindSameCaptureAsync(WorkspaceId.New(), "U1", "Exports time out", "Acme", since, ct));
    }

    [Fact]
    public async Task FindsTheSameCapture_OnlyAmongThePersonsTwentyNewest()
    {
        var workspace = await NewWorkspaceAsync();
        var oldest = NewSignal(workspace, "Said before the rush", customer: "Acme", capturedAt: Now.AddMinutes(-4));
        var second = NewSignal(workspace, "Said second", customer: "Acme", capturedAt: Now.AddMinutes(-4).AddSeconds(1));
        var rush = Enumerable.Range(0, 19)
            .Select(i => NewSignal(workspace, $"Rush {i}", customer: "Acme", capturedAt: Now.AddMinutes(-3).AddSeconds(i)))
            .ToArray();
        await AddAsync(workspace, [oldest, second, .. rush]);

        Task<Signal?> Find(string quote) => Store.FindSameCaptureAsync(workspace.Id, "U1", quote, "Acme", Now.AddMinutes(-5), ct);

        Assert.Equal(second.Id, (await Find("Said second"))?.Id);
        Assert.Equal(rush[18].Id, (await Find("Rush 18"))?.Id);
        Assert.Null(await Find("Said before the rush"));
    }

    [Fact]
    public async Task FindsSignalsByFullIdOrShortSuffix_AndSeveralWhenAmbiguous()
    {
        var workspace = await NewWorkspaceAsync();
        var one = NewSignal(workspace, "one") with { Id = Guid.Parse("0190a1b2-c3d4-7e5f-8a6b-aaaa1234abcd") };
        var two = NewSignal(workspace, "two") with { Id = Guid.Parse("0190a1b2-c3d4-7e5f-8a6b-bbbbb234abcd") };
        var other = NewSignal(workspace, "other") with { Id = Guid.Parse("0190a1b2-c3d4-7e5f-8a6b-cccc00009999") };
        await AddAsync(workspace, one, two, other);
        var theirs = await NewWorkspaceAsync();

        async Task<string[]> Find(string reference, Workspace? at = null) =>
            (await Store.FindSignalsByReferenceAsync((at ?? workspace).Id, reference, ct)).Select(s => s.Quote).Order().ToArray();

        Assert.Equal(["one"], await Find(one.Id.ToString()));
        Assert.Equal(["one"], await Find(one.Id.ToString("N").ToUpperInvariant()));
        Assert.Equal(["one"], await Find($" {one.Id:B} "));
        Assert.Equal(["one"], await Find(one.ShortId));
        Assert.Equal(["one"], await Find("A1234ABCD"));
        Assert.Equal(["one"], await Find("7e5f8a6baaaa1234abcd"));
        Assert.Equal(["one", "two"], await Find("234ABCD"));
        Assert.Equal(["one", "two"], await Find("34abcd"));
        Assert.Equal(["other"], await Find("009999"));
        Assert.Empty(await Find("4abcd"));
        Assert.Empty(await Find("zz1234abcd"));
        Assert.Empty(await Find("%abcd"));
        Assert.Empty(await Find(""));
        Assert.Empty(await Find(one.ShortId, theirs));
    }

    [Fact]
    public async Task ListsNamedCustomersMostSignalsFirst_WithTheirLatestQuoteAndTotal()
    {
        var workspace = await NewWorkspaceAsync();
        await AddAsync(workspace,
            NewSignal(workspace, "acme old", Now.AddDays(-5), "Acme"),
            NewSignal(workspace, "acme newest", Now.AddDays(-1), "acme"),
            NewSignal(workspace, "acme middle", Now.AddDays(-3), "Acme"),
            NewSignal(workspace, "initech", Now.AddDays(-1), "Initech"),
            NewSignal(workspace, "initech 2", Now.AddDays(-2), "Initech"),
            NewSignal(workspace, "globex", Now.AddDays(-4), "Globex"),
            NewSignal(workspace, "globex newest", Now.AddDays(-2), "Globex"),
            NewSignal(workspace, "hooli praise", Now.AddDays(-2), "Hooli", SignalKind.Praise),
            NewSignal(workspace, "nobody 1", Now.AddDays(-1)),
            NewSignal(workspace, "nobody 2", Now.AddDays(-1)),
            NewSignal(workspace, "nobody 3", Now.AddDays(-1)),
            NewSignal(workspace, "nobody 4", Now.AddDays(-1)));
        var friction = new SignalFilter(Kinds: SignalFilter.FrictionKinds);

        var top = await Store.GetCustomerStatsAsync(workspace.Id, friction, 2, ct);
        var all = await Store.GetCustomerStatsAsync(workspace.Id, Everything, 10, ct);
        var none = await Store.GetCustomerStatsAsync(workspace.Id, friction, 0, ct);
        var empty = await Store.GetCustomerStatsAsync(workspace.Id, new SignalFilter(Text: "nothing"), 5, ct);

        Assert.Equal([("Acme", 3, "acme newest"), ("Globex", 2, "globex newest")], top.Customers.Select(c => (c.Name, c.Signals, c.Latest.Quote)));
        Assert.Equal(3, top.Total);
        Assert.Equal(["Acme", "Globex", "Initech", "Hooli"], all.Customers.Select(c => c.Name));
        Assert.Equal(4, all.Total);
        Assert.Empty(none.Customers);
        Assert.Equal(3, none.Total);
        Assert.Empty(empty.Customers);
        Assert.Equal(0, empty.Total);
    }

    [Fact]
    public async Task ShowsEveryCustomerAsItsMostUsedSpelling_AndCountsItOnce()
    {
        var workspace = await NewWorkspaceAsync();
        await AddAsync(workspace,
            NewSignal(workspace, "a1", customer: "ACME", themes: ["exports"], capturedAt: Now.AddMinutes(-50)),
            NewSignal(workspace, "a2", customer: "acme", themes: ["exports"], capturedAt: Now.AddMinutes(-40)),
            NewSignal(workspace, "a3", customer: "Acme", themes: ["exports"], capturedAt: Now.AddMinutes(-30)),
            NewSignal(workspace, "a4", customer: " Acme ", themes: ["exports"], capturedAt: Now.AddMinutes(-20)),
            NewSignal(workspace, "b1", customer: "BETA co", themes: ["exports"], capturedAt: Now.AddMinutes(-45)),
            NewSignal(workspace, "b2", customer: "Beta Co", themes: ["exports"], capturedAt: Now.AddMinutes(-35)));

        var signals = await Store.FindSignalsAsync(workspace.Id, Everything, 10, ct);
        var customers = await Store.GetCustomerStatsAsync(workspace.Id, Everything, 10, ct);
        var stats = Assert.Single(await Store.GetThemeStatsAsync(workspace.Id, Everything, ct));

        Assert.Equal(["Acme", "Acme", "Acme", "Acme", "BETA co", "BETA co"], signals.OrderBy(s => s.Quote).Select(s => s.Customer));
        Assert.Equal([("Acme", 4), ("BETA co", 2)], customers.Customers.Select(c => (c.Name, c.Signals)));
        Assert.Equal(2, stats.Customers);
        Assert.Equal(6, await Store.CountSignalsAsync(workspace.Id, new SignalFilter(Customer: "ACME"), ct) + await Store.CountSignalsAsync(workspace.Id, new SignalFilter(Customer: "beta CO"), ct));
    }

    [Fact]
    public async Task FollowsTheNewMostUsedSpelling_WhenSignalsAreEditedOrDeleted()
    {
        var workspace = await NewWorkspaceAsync();
        var first = NewSignal(workspace, "first", customer: "Globex Corp", capturedAt: Now.AddMinutes(-30));
        var second = NewSignal(workspace, "second", customer: "GLOBEX CORP", capturedAt: Now.AddMinutes(-20));
        var third = NewSignal(workspace, "third", customer: "GLOBEX CORP", capturedAt: Now.AddMinutes(-10));
        await AddAsync(workspace, first, second, third);
        var before = (await Store.GetSignalAsync(workspace.Id, first.Id, ct))!.Customer;

        await Store.DeleteSignalAsync(workspace.Id, third.Id, Deleter, Now, ct);
        var afterDelete = (await Store.GetSignalAsync(workspace.Id, first.Id, ct))!.Customer;
        await Store.UpdateSignalAsync(workspace.Id, second with { Customer = "Globex Corp" }, ct);
        var afterEdit = (await Store.GetSignalAsync(workspace.Id, second.Id, ct))!.Customer;
        await Store.UpdateSignalAsync(workspace.Id, second with { Customer = null }, ct);
        var unnamed = await Store.GetSignalAsync(workspace.Id, second.Id, ct);

        Assert.Equal("GLOBEX CORP", before);
        Assert.Equal("Globex Corp", afterDelete);
        Assert.Equal("Globex Corp", afterEdit);
        Assert.Null(unnamed!.Customer);
        Assert.Equal([("Globex Corp", 1)], (await Store.GetCustomerStatsAsync(workspace.Id, Everything, 10, ct)).Customers.Select(c => (c.Name, c.Signals)));
    }

    [Fact]
    public async Task CountsEveryMergedSignalForTheCustomer_AndLaterCapturesOfTheOldName()
    {
        var workspace = await NewWorkspaceAsync();
        await AddAsync(workspace,
            NewSignal(workspace, "corp 1", customer: "Acme Corp", themes: ["exports"]),
            NewSignal(workspace, "corp 2", customer: "acme corp", themes: ["exports"]),
            NewSignal(workspace, "corp 3", customer: "ACME CORP", themes: ["exports"]),
            NewSignal(workspace, "acme", customer: "Acme", themes: ["exports"]),
            NewSignal(workspace, "globex", customer: "Globex", themes: ["exports"]));

        var moved = await Store.MergeCustomersAsync(workspace.Id, "ACME corp", "acme", ct);
        var again = await Store.MergeCustomersAsync(workspace.Id, "Acme Corp", "Acme", ct);
        await AddAsync(workspace, NewSignal(workspace, "later", customer: "Acme Corp", themes: ["exports"]));

        Assert.Equal(3, moved);
        Assert.Equal(0, again);
        Assert.Equal(5, await Store.CountSignalsAsync(workspace.Id, new SignalFilter(Customer: "Acme"), ct));
        Assert.Equal(5, await Store.CountSignalsAsync(workspace.Id, new SignalFilter(Customer: "acme corp"), ct));
        Assert.Equal([("Acme", 5), ("Globex", 1)], (await Store.GetCustomerStatsAsync(workspace.Id, Everything, 10, ct)).Customers.Select(c => (c.Name, c.Signals)));
        Assert.Equal(2, Assert.Single(await Store.GetThemeStatsAsync(workspace.Id, Everything, ct)).Customers);
        Assert.All(await Store.FindSignalsAsync(workspace.Id, new SignalFilter(Customer: "Acme"), 10, ct), s => Assert.Equal("Acme", s.Customer));
        Assert.Equal(1, await Store.MergeCustomersAsync(workspace.Id, "Globex", "Acme Corp", ct));
        Assert.Equal([("Acme", 6)], (await Store.GetCustomerStatsAsync(workspace.Id, Everything, 10, ct)).Customers.Select(c => (c.Name, c.Signals)));
        Assert.Equal(6, await Store.CountSignalsAsync(workspace.Id, new SignalFilter(Customer: "globex"), ct));
    }

    [Fact]
    public async Task SumsEachJourneyStage_AndTheSignalsWithoutOne()
    {
        var workspace = await NewWorkspaceAsync();
        await AddAsync(workspace,
            NewSignal(workspace, "o1", customer: "Acme", severity: Severity.Critical) with { Stage = JourneyStage.Onboard },
            NewSignal(workspace, "o2", customer: "acme", severity: Severity.Low) with { Stage = JourneyStage.Onboard },
            NewSignal(workspace, "o3", customer: "Globex", severity: Severity.Medium) with { Stage = JourneyStage.Onboard },
            NewSignal(workspace, "o4", severity: Severity.Medium) with { Stage = JourneyStage.Onboard },
            NewSignal(workspace, "r1", customer: "Hooli", severity: Severity.High) with { Stage = JourneyStage.Renew },
            NewSignal(workspace, "n1", severity: Severity.Low) with { Stage = null },
            NewSignal(workspace, "n2", customer: "Initech", severity: Severity.High) with { Stage = null },
            NewSignal(workspace, "praise", kind: SignalKind.Praise, severity: Severity.Low) with { Stage = JourneyStage.Renew });

        var stages = await Store.GetStageStatsAsync(workspace.Id, new SignalFilter(Kinds: SignalFilter.FrictionKinds), ct);

        StageStats[] expected =
        [
            new(JourneyStage.Onboard, Signals: 4, Customers: 2, AverageSeverity: 2.25, MaxSeverity: 4),
            new(null, Signals: 2, Customers: 1, AverageSeverity: 2, MaxSeverity: 3),
            new(JourneyStage.Renew, Signals: 1, Customers: 1, AverageSeverity: 3, MaxSeverity: 3),
        ];
        Assert.Equal(expected, stages);
    }

    /// <summary>The filters of issue 8, on signals and on the rankings (signal_themes), over one seed.</summary>
    public static readonly TheoryData<string, SignalFilter, string[]> MoreFilterCases = new()
    {
        { "excluded segment keeps signals without a segment", new(ExcludedSegments: ["internal"]), ["buyer-call", "user-ticket", "none-demo"] },
        { "several excluded segments, any case", new(ExcludedSegments: [" Internal", "BUYER"]), ["user-ticket", "none-demo"] },
        { "no excluded segments", new(ExcludedSegments: []), ["buyer-call", "internal-call", "user-ticket", "none-demo"] },
        { "source", new(Source: "call"), ["buyer-call", "internal-call"] },
        { "source as typed", new(Source: " Ticket "), ["user-ticket"] },
        { "severity at least high", new(MinSeverity: Severity.High), ["buyer-call", "user-ticket"] },
        { "severity at least critical", new(MinSeverity: Severity.Critical), ["user-ticket"] },
        { "stage", new(Stage: JourneyStage.Onboard), ["buyer-call", "none-demo"] },
        { "stage of none", new(Stage: JourneyStage.Discover), [] },
        { "together", new(ExcludedSegments: ["internal"], Source: "call", MinSeverity: Severity.High, Stage: JourneyStage.Onboard), ["buyer-call"] },
    };

    [Theory]
    [MemberData(nameof(MoreFilterCases))]
    public async Task FindsCountsAndRanksExactlyTheMatchingSignals_ForEachNewFilter(string part, SignalFilter filter, string[] expected)
    {
        var workspace = await NewWorkspaceAsync();
        var signals = new Dictionary<string, Signal>
        {
            ["buyer-call"] = NewSignal(workspace, "buyer-call", segment: "buyer", severity: Severity.High, themes: ["exports", "sso"]) with { Stage = JourneyStage.Onboard },
            ["internal-call"] = NewSignal(workspace, "internal-call", segment: "internal", severity: Severity.Low, themes: ["exports"]),
            ["user-ticket"] = NewSignal(workspace, "user-ticket", segment: "user", severity: Severity.Critical) with { Source = "ticket", Stage = JourneyStage.Renew },
            ["none-demo"] = NewSignal(workspace, "none-demo", themes: ["sso"]) with { Source = "demo", Stage = JourneyStage.Onboard },
        };
        await AddAsync(workspace, signals.Values.ToArray());

        var found = await Store.FindSignalsAsync(workspace.Id, filter, 100, ct);
        var count = await Store.CountSignalsAsync(workspace.Id, filter, ct);
        var ranked = await Store.GetThemeStatsAsync(workspace.Id, filter, ct);
        var telling = await Store.GetTellingSignalsAsync(workspace.Id, filter, ["exports", "sso", null], 10, ct);

        Assert.True(expected.Order().SequenceEqual(found.Select(s => s.Quote).Order()), $"{part}: found [{string.Join(", ", found.Select(s => s.Quote))}]");
        Assert.Equal(expected.Length, count);
        var links = expected.SelectMany(key => signals[key].Themes.Count == 0 ? new string?[] { null } : signals[key].Themes.Select(t => (string?)t).ToArray()).ToList();
        Assert.Equal(
            links.GroupBy(t => t).Select(g => (g.Key, g.Count())).OrderBy(s => s.Key),
            ranked.Select(s => (s.Theme, s.Signals)).OrderBy(s => s.Theme));
        Assert.Equal(expected.Order(), telling.Select(s => s.Quote).Distinct().Order());
    }
}
